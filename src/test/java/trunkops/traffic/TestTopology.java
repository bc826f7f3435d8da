package trunkops.traffic;

import java.util.List;

import trunkops.db.CarrierLogRow;
import trunkops.topology.CampaignRow;
import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.ListRow;
import trunkops.topology.ServerRow;
import trunkops.topology.TopologyBuilder;

/**
 * A small hand-written cluster for attribution tests: two dialers; NSVOICE _91NXXNXXXXXX and TOLLFREE _91800NXXXXXX
 * (overlapping: the toll-free one is more specific), BLUELINE _81NXXNXXXXXX everywhere, ORBIT _71NXXNXXXXXX on D2
 * only, an inactive carrier on _6X.; campaigns SALES (9, one list overriding with 8), RENEW (8), WINBACK (9, paused),
 * SURVEY (7), MANUAL (auto prefix 5 = no carrier, manual prefix 8).
 */
final class TestTopology {

    static final String D1 = "192.0.2.11";
    static final String D2 = "192.0.2.12";

    private TestTopology() {
    }

    static ClusterTopology build() {
        return build(java.util.function.UnaryOperator.identity(), java.util.function.UnaryOperator.identity());
    }

    /** The same cluster with its carrier and campaign rows passed through the two edits. */
    static ClusterTopology build(java.util.function.UnaryOperator<List<CarrierRow>> carriersEdit,
                                 java.util.function.UnaryOperator<List<CampaignRow>> campaignsEdit) {
        List<ServerRow> servers = List.of(new ServerRow("D1", D1, "dialer 1", true, true, "18.x", "localhost", 5038),
                new ServerRow("D2", D2, "dialer 2", true, true, "18.x", "localhost", 5038),
                new ServerRow("WEB", "192.0.2.50", "web", true, false, "", "localhost", 5038));
        List<CarrierRow> carriers = List.of(
                carrier("NSVOICE", "0.0.0.0", "nsvoice", "_91NXXNXXXXXX", true),
                carrier("TOLLFREE", "0.0.0.0", "tollfree", "_91800NXXXXXX", true),
                carrier("BLUELINE", "0.0.0.0", "blueline", "_81NXXNXXXXXX", true),
                carrier("ORBIT", D2, "orbit-east", "_71NXXNXXXXXX", true),
                carrier("OLDSIX", "0.0.0.0", "oldsix", "_6X.", false));
        List<CampaignRow> campaigns = List.of(new CampaignRow("SALES", "Sales", true, "9", "", false, 26),
                new CampaignRow("RENEW", "Renew", true, "8", "", false, 30),
                new CampaignRow("WINBACK", "Winback", false, "9", "", false, 26),
                new CampaignRow("SURVEY", "Survey", true, "7", "", false, 22),
                new CampaignRow("MANUAL", "Manual only", true, "5", "8", false, 30));
        List<ListRow> lists = List.of(new ListRow(11, "sales west", "SALES", true, "8"),
                new ListRow(12, "sales east", "SALES", true, ""));
        return TopologyBuilder.build(servers, carriersEdit.apply(carriers), campaignsEdit.apply(campaigns), lists);
    }

    static CarrierRow carrier(String id, String serverIp, String peer, String pattern, boolean active) {
        return new CarrierRow(id, id, "", "SIP", serverIp, active, "", "",
                "[" + peer + "]\ntype=peer\nhost=192.0.2.200\nqualify=yes",
                "exten => " + pattern + ",1,AGI(agi://127.0.0.1:4577/call_log)\n"
                        + "exten => " + pattern + ",n,Dial(SIP/" + peer + "/${EXTEN:1},${CAMPDTO},To)\n"
                        + "exten => " + pattern + ",n,Hangup()", "");
    }

    /** An auto-dial row as FastAGI_log.pl writes it: the Local ;2 half that ran the carrier extension. */
    static CarrierLogRow autoDial(String serverIp, String dialString, String status) {
        return row(serverIp, status, "Local/" + dialString + "@default-0000002a;2", "1764150000.101",
                CarrierLogRow.Details.NOT_LOOKED_UP);
    }

    static CarrierLogRow row(String serverIp, String status, String channel, String uniqueid,
                             CarrierLogRow.Details details) {
        return new CarrierLogRow(CarrierLogRow.second(java.time.LocalDateTime.of(2026, 11, 26, 10, 15, 30)), serverIp,
                status, 16, 200, "OK", 20, 5, channel, uniqueid, details);
    }
}
