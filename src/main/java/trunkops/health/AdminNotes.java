package trunkops.health;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import trunkops.topology.TrunkKey;

/**
 * The hook through which the board learns who forced a trunk and why: the ASTDB flag holds only the state and the
 * expiry. The audit journal can implement it (the latest completed action per dialer and peer); {@link Memory}
 * remembers this console's own actions. Called on the monitor thread: implementations answer from memory, never
 * from the network.
 */
public interface AdminNotes {

    /** The latest note for {@code peer} on {@code serverId}, if any. */
    Optional<AdminNote> latest(String serverId, String peer);

    AdminNotes NONE = (s, p) -> Optional.empty();

    /** Remembers notes in memory (thread-safe); peers compare as {@link TrunkKey} does for chan_sip. */
    final class Memory implements AdminNotes {
        private final Map<String, AdminNote> notes = new ConcurrentHashMap<>();

        public void record(AdminNote n) {
            notes.merge(key(n.serverId(), n.peer()), n, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }

        @Override
        public Optional<AdminNote> latest(String serverId, String peer) {
            return Optional.ofNullable(notes.get(key(serverId, peer)));
        }

        private static String key(String serverId, String peer) {
            return serverId + "\n" + peer.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Asks {@code first}, then {@code second}, and keeps the newer note. */
    static AdminNotes newest(AdminNotes first, AdminNotes second) {
        return (s, p) -> {
            Optional<AdminNote> a = first.latest(s, p);
            Optional<AdminNote> b = second.latest(s, p);
            if (a.isEmpty()) {
                return b;
            }
            return b.isPresent() && b.get().at().isAfter(a.get().at()) ? b : a;
        };
    }
}
