package trunkops.routing;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import trunkops.topology.Tech;
import trunkops.topology.Trunk;
import trunkops.topology.TrunkKey;

/**
 * The trunk health a what-if runs on, fed by the board or a test: per trunk on one dialer ({@link TrunkKey}) or per
 * peer on every dialer ({@code SIP/nsvoice}); anything not named is up. Current calls per trunk are optional (the
 * least-loaded strategy and max-calls limits use them).
 */
public record TrunkHealthInput(Map<TrunkKey, State> byKey, Map<String, State> byPeer, Map<TrunkKey, Integer> calls) {

    /** A trunk's state as routing sees it. */
    public enum State {
        /** In service (qualify OK, or not known to be down). */
        UP,
        /** Unreachable: Dial returns CHANUNAVAIL at once. */
        DOWN,
        /** Forced offline with the ASTDB flag {@code trunkops/admin/<peer>}: TrunkOps routes skip it. */
        OFFLINE
    }

    public static final TrunkHealthInput ALL_UP = new TrunkHealthInput(Map.of(), Map.of(), Map.of());

    public TrunkHealthInput {
        byKey = Map.copyOf(byKey);
        byPeer = Map.copyOf(byPeer.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> peerKey(e.getKey()), Map.Entry::getValue, (a, b) -> b)));
        calls = Map.copyOf(calls);
    }

    public static TrunkHealthInput ofPeers(Map<String, State> byPeer) {
        return new TrunkHealthInput(Map.of(), byPeer, Map.of());
    }

    public State state(Trunk t) {
        State s = byKey.get(t.key());
        return s != null ? s : byPeer.getOrDefault(peerKey(t.tech() + "/" + t.name()), State.UP);
    }

    public OptionalInt calls(Trunk t) {
        Integer n = calls.get(t.key());
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** The same health with {@code trunks} ({@code SIP/peer}) set to {@code state} on every dialer. */
    public TrunkHealthInput with(Iterable<String> trunks, State state) {
        Map<String, State> m = new java.util.HashMap<>(byPeer);
        trunks.forEach(t -> m.put(peerKey(t), state));
        return new TrunkHealthInput(byKey, m, calls);
    }

    /** {@code SIP/Peer} and {@code sip/peer} are one chan_sip peer; PJSIP and IAX2 names keep their case. */
    static String peerKey(String trunk) {
        Objects.requireNonNull(trunk, "trunk");
        int slash = trunk.indexOf('/');
        if (slash <= 0) {
            return trunk;
        }
        String tech = trunk.substring(0, slash).toUpperCase(Locale.ROOT);
        String peer = trunk.substring(slash + 1);
        boolean ci = Tech.fromDialTech(tech).map(Tech::caseInsensitiveNames).orElse(false);
        return tech + "/" + (ci ? peer.toLowerCase(Locale.ROOT) : peer);
    }
}
