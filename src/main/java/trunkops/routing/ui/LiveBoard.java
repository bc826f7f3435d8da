package trunkops.routing.ui;

import java.util.List;

import trunkops.topology.ClusterTopology;
import trunkops.topology.Tech;

/**
 * What the Routes tab needs of the board, reduced in {@code trunkops.app} from the health model's snapshot (the
 * routing feature does not depend on health): the topology and every trunk on every dialer with its state as a
 * glyph and a word, whether calls can use it, how bad it is, and its live calls.
 *
 * @param topology null until the database was read
 */
public record LiveBoard(ClusterTopology topology, List<Trunk> trunks) {

    /** Whether calls can use a trunk now. */
    public enum Health {
        /** Reachable, or not qualified (Asterisk dials it). */
        UP,
        /** Unreachable or lagged: chan_sip refuses calls to it. */
        DOWN,
        /** No fresh verdict (unknown, stale): neither up nor down. */
        UNSURE
    }

    /**
     * One trunk on one dialer.
     *
     * @param badness higher is worse; a member shows its worst trunk over the route's dialers
     */
    public record Trunk(String serverId, String serverIp, Tech tech, String peer, String glyph, String word,
                        Health health, int badness, int calls) {
    }

    public LiveBoard {
        trunks = List.copyOf(trunks);
    }
}
