package trunkops.health;

import java.util.List;

import trunkops.db.DbLinkStatus;
import trunkops.topology.ClusterTopology;

/**
 * An immutable picture of the connected cluster, produced off the FX thread and handed to the UI whole (newest
 * wins). {@code topology} is null until the database has been read once; {@code problem} says why when it has
 * not.
 */
public record BoardSnapshot(String clusterName, boolean lab, ClusterTopology topology, List<ServerView> servers,
                            List<TrunkView> trunks, DbLinkStatus db, String problem, long version, long atMillis) {
}
