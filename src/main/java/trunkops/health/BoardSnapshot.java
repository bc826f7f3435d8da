package trunkops.health;

import java.util.List;

import trunkops.db.DbLinkStatus;
import trunkops.topology.ClusterTopology;
import trunkops.topology.RouteImpact;

/**
 * An immutable picture of the connected cluster, produced off the FX thread and handed to the UI whole (newest
 * wins). {@code topology} is null until the database has been read once; {@code problem} says why when it has
 * not.
 *
 * @param impacts            campaign routes hit by the trunks that are down (blast radius)
 * @param timeline           the most recent state changes, newest first
 * @param oldestChangeMillis when the oldest change this snapshot is the first to show arrived (epoch ms), for
 *                           measuring how fresh the board is; {@code atMillis} when nothing changed
 */
public record BoardSnapshot(String clusterName, boolean lab, ClusterTopology topology, List<ServerView> servers,
                            List<TrunkView> trunks, List<RouteImpact> impacts, List<TimelineEntry> timeline,
                            DbLinkStatus db, String problem, long version, long atMillis, long oldestChangeMillis) {
}
