package trunkops.health;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import trunkops.control.AdminFlag;
import trunkops.topology.TrunkKey;

/**
 * Every dialer's {@code trunkops/admin/*} flags as last read with {@code DBGetTree}, FX-free, owned by the monitor
 * thread. A dialer whose flags were never read, whose last read failed, whose link went down since, or whose last
 * read is older than {@code maxAgeMs} has unknown flags: its trunks show {@link ForcedState#UNKNOWN}, never "in
 * service".
 */
final class AdminFlags {

    /** The key prefix {@code DBGetTree Family=trunkops Key=admin} lists (full paths, as main/db.c writes them). */
    static final String PREFIX = "/" + AdminFlag.FAMILY + "/admin/";

    private record Read(Map<String, AdminFlag> byPeer, String problem, long atMillis) {
        boolean ok() {
            return problem == null;
        }
    }

    private final Map<String, Read> reads = new HashMap<>();
    private final long maxAgeMs;

    AdminFlags(long maxAgeMs) {
        this.maxAgeMs = maxAgeMs;
    }

    /**
     * A DBGetTree answer: full key to value. Keys outside {@code /trunkops/admin/} or deeper than one level are
     * ignored; values are parsed as the dialplan reads them (anything unrecognised = in service).
     */
    void read(String serverId, Map<String, String> tree, long at) {
        Map<String, AdminFlag> flags = new HashMap<>();
        tree.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()
                    && key.indexOf('/', PREFIX.length()) < 0) {
                flags.put(key.substring(PREFIX.length()), AdminFlag.parse(value));
            }
        });
        reads.put(serverId, new Read(Map.copyOf(flags), null, at));
    }

    /** The flags could not be read; {@code problem} says why. */
    void failed(String serverId, String problem, long at) {
        reads.put(serverId, new Read(Map.of(), problem, at));
    }

    /** The link went down: what was read before no longer counts. */
    void forget(String serverId, long at) {
        if (reads.containsKey(serverId)) {
            reads.put(serverId, new Read(Map.of(), "AMI link down", at));
        }
    }

    /** Why {@code serverId}'s flags are unknown at {@code now}, or null when they are known. */
    String problem(String serverId, long now) {
        Read r = reads.get(serverId);
        if (r == null) {
            return "not read yet";
        }
        if (!r.ok()) {
            return r.problem();
        }
        return now - r.atMillis() > maxAgeMs ? "last read " + (now - r.atMillis()) / 1000 + " s ago" : null;
    }

    /** The flag stored for {@code key}'s peer on its dialer (expired or not), when the flags are known. */
    Optional<AdminFlag> flag(TrunkKey key, long now) {
        if (problem(key.serverId(), now) != null) {
            return Optional.empty();
        }
        for (Map.Entry<String, AdminFlag> e : reads.get(key.serverId()).byPeer().entrySet()) {
            if (key.tech().sameName(e.getKey(), key.peer())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** What the board shows for {@code key} at {@code now}: an expired flag is in service, as in the dialplan. */
    ForcedState state(TrunkKey key, long now, AdminNotes notes) {
        if (problem(key.serverId(), now) != null) {
            return ForcedState.UNKNOWN;
        }
        Optional<AdminFlag> f = flag(key, now);
        if (f.isEmpty() || f.get().state() == trunkops.control.AdminState.IN_SERVICE) {
            return ForcedState.IN_SERVICE;
        }
        if (f.get().effectiveAt(Instant.ofEpochMilli(now)) == trunkops.control.AdminState.IN_SERVICE) {
            return ForcedState.expired(f.get().until().orElseThrow());
        }
        AdminFlag flag = f.get();
        Optional<AdminNote> note = notes.latest(key.serverId(), key.peer())
                .filter(n -> n.explains(flag.state(), flag.until()));
        return new ForcedState(flag.state(), true, flag.until(), note);
    }
}
