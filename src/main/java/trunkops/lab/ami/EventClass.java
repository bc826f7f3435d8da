package trunkops.lab.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asterisk's manager permission classes ({@code EVENT_FLAG_*} in manager.h), used both for users'
 * read/write masks and for the {@code Privilege:} header of events. Bit values follow manager.h.
 */
public enum EventClass {
    SYSTEM("system", 1 << 0),
    CALL("call", 1 << 1),
    LOG("log", 1 << 2),
    VERBOSE("verbose", 1 << 3),
    COMMAND("command", 1 << 4),
    AGENT("agent", 1 << 5),
    USER("user", 1 << 6),
    CONFIG("config", 1 << 7),
    DTMF("dtmf", 1 << 8),
    REPORTING("reporting", 1 << 9),
    CDR("cdr", 1 << 10),
    DIALPLAN("dialplan", 1 << 11),
    ORIGINATE("originate", 1 << 12),
    AGI("agi", 1 << 13),
    CC("cc", 1 << 15),
    AOC("aoc", 1 << 16),
    TEST("test", 1 << 17),
    SECURITY("security", 1 << 18),
    MESSAGE("message", 1 << 30);

    /** {@code all} is INT_MAX in manager.c's perms table. */
    public static final int ALL = Integer.MAX_VALUE;

    private final String wireName;
    private final int bit;

    EventClass(String wireName, int bit) {
        this.wireName = wireName;
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public String wireName() {
        return wireName;
    }

    /** The {@code Privilege:} value of an event of these classes: {@code "call,all"}, as Asterisk's authority_to_str. */
    public static String privilege(int mask) {
        List<String> names = new ArrayList<>();
        for (EventClass c : values()) {
            if ((mask & c.bit) != 0) {
                names.add(c.wireName);
            }
        }
        names.add("all");
        return String.join(",", names);
    }

    /**
     * An action's authority as ListCommands writes it (manager.c authority_to_str): the class names in perms[]
     * order without {@code all}, or {@code <none>}.
     */
    public static String authorityToStr(int mask) {
        List<String> names = new ArrayList<>();
        for (EventClass c : values()) {
            if ((mask & c.bit) != 0) {
                names.add(c.wireName);
            }
        }
        return names.isEmpty() ? "<none>" : String.join(",", names);
    }

    /**
     * Parses a manager.conf {@code read=}/{@code write=} value or an Events {@code EventMask}: a comma list of
     * class names, {@code all}, or {@code none}. Unknown names contribute nothing (as get_perm does).
     */
    public static int parseMask(String spec) {
        if (spec == null) {
            return 0;
        }
        int mask = 0;
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("all")) {
                mask |= ALL;
            } else {
                for (EventClass c : values()) {
                    if (c.wireName.equals(p)) {
                        mask |= c.bit;
                    }
                }
            }
        }
        return mask;
    }
}
