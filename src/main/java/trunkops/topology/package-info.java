/**
 * Cluster topology from ViciDial's rows: which dialers dial, which carriers and trunks (Asterisk peers) live on
 * each, and where every campaign's calls go.
 *
 * <p>Pure code (no JavaFX, JDBC or AMI). Another package maps {@code servers}, {@code vicidial_server_carriers},
 * {@code vicidial_campaigns} and {@code vicidial_lists} rows into {@link trunkops.topology.ServerRow},
 * {@link trunkops.topology.CarrierRow}, {@link trunkops.topology.CampaignRow} and {@link trunkops.topology.ListRow};
 * {@link trunkops.topology.TopologyBuilder#build} turns them into an immutable
 * {@link trunkops.topology.ClusterTopology}. The parsers read carrier text the way Asterisk does (config grammar,
 * chan_sip/chan_iax2/res_pjsip option rules, pbx_config priorities, pbx.c pattern matching and ext_cmp order) and
 * the keepalive generates it (template appended after account_entry, carriers in protocol then carrier_id order,
 * {@code 0.0.0.0} = every active Asterisk server). Bad input never throws: it becomes a
 * {@link trunkops.topology.ParseWarning}, a {@link trunkops.topology.TopologyConflict} or a route problem.
 */
package trunkops.topology;
