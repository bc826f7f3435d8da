package trunkops.topology;

import java.util.List;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;

/** The lab's default cluster as the rows the JDBC mapping would hand to topology. */
public final class LabRows {

    final List<ServerRow> servers;
    final List<CarrierRow> carriers;
    final List<CampaignRow> campaigns;
    final List<ListRow> lists;

    public LabRows() {
        LabClusterSpec spec = LabDefaults.cluster();
        servers = spec.servers().stream().map(s -> new ServerRow(s.serverId(), s.serverIp(), s.description(), true,
                true, s.asteriskVersion(), "localhost", 5038)).toList();
        carriers = spec.carriers().stream().map(c -> new CarrierRow(c.carrierId(), c.carrierName(), c.description(),
                c.protocol(), c.serverIp(), c.active(), c.registrationString(), c.globalsString(), c.accountEntry(),
                c.dialplanEntry(), "")).toList();
        campaigns = spec.campaigns().stream().map(c -> new CampaignRow(c.campaignId(), c.campaignName(), c.active(),
                c.dialPrefix(), c.manualDialPrefix(), false, c.dialTimeoutSeconds())).toList();
        lists = spec.lists().stream().map(l -> new ListRow(l.listId(), l.listName(), l.campaignId(), l.active(),
                l.dialPrefix())).toList();
    }

    public ClusterTopology build() {
        return TopologyBuilder.build(servers, carriers, campaigns, lists);
    }

    /** The lab's rows plus {@code extraCarriers} and {@code extraCampaigns}. */
    public ClusterTopology buildWith(List<CarrierRow> extraCarriers, List<CampaignRow> extraCampaigns) {
        return TopologyBuilder.build(servers, concat(carriers, extraCarriers), concat(campaigns, extraCampaigns),
                lists);
    }

    public List<ListRow> lists() {
        return lists;
    }

    ClusterTopology buildWith(List<CarrierRow> extraCarriers) {
        return TopologyBuilder.build(servers, concat(carriers, extraCarriers), campaigns, lists);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static CarrierRow sipCarrier(String id, String serverIp, String peer, String pattern, String globals, String dial) {
        return new CarrierRow(id, id + " carrier", "", "SIP", serverIp, true, "", globals,
                "[" + peer + "]\ntype=peer\nhost=192.0.2.200\nqualify=yes",
                "exten => " + pattern + ",1,AGI(agi://127.0.0.1:4577/call_log)\n"
                        + "exten => " + pattern + ",n,Dial(" + dial + ",,To)\n"
                        + "exten => " + pattern + ",n,Hangup()", "");
    }
}
