package trunkops.lab.ami;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lab's manager.conf: the users and the [general] options that change what goes on the wire.
 *
 * @param timestampEvents  {@code timestampevents=yes}: queued events carry {@code Timestamp:}
 * @param authTimeoutMs    {@code authtimeout}: an unauthenticated session is closed after this long
 */
public record ManagerConfig(Map<String, ManagerUser> users, boolean timestampEvents, long authTimeoutMs) {

    public static final String BANNER = "Asterisk Call Manager/9.0.0";

    public ManagerConfig {
        Map<String, ManagerUser> copy = new LinkedHashMap<>();
        users.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        users = Map.copyOf(copy);
    }

    public static ManagerConfig of(List<ManagerUser> users) {
        Map<String, ManagerUser> map = new LinkedHashMap<>();
        for (ManagerUser u : users) {
            map.put(u.name(), u);
        }
        return new ManagerConfig(map, true, 30_000);
    }

    /** Asterisk looks manager users up case-insensitively. */
    public ManagerUser user(String name) {
        return users.get(name.toLowerCase(Locale.ROOT));
    }
}
