package trunkops.lab;

import java.util.List;
import java.util.Map;

import trunkops.lab.LabClusterSpec.CallOutcomeMix;
import trunkops.lab.LabClusterSpec.Campaign;
import trunkops.lab.LabClusterSpec.Carrier;
import trunkops.lab.LabClusterSpec.DialList;
import trunkops.lab.LabClusterSpec.RemoteEndpoint;
import trunkops.lab.LabClusterSpec.Server;

/**
 * The plausible cluster the lab runs by default: three dialers, four carriers written the way ViciDial admins
 * write them (one through a global variable, one with a primary/secondary pair of peers inside one carrier row,
 * one unqualified), campaigns with dial prefixes, a list whose prefix overrides its campaign's, and ViciDial's
 * own inactive example carrier. Far ends use documentation address ranges (RFC 5737).
 */
public final class LabDefaults {

    private LabDefaults() {
    }

    public static final String DIALER1_IP = "127.0.1.11";
    public static final String DIALER2_IP = "127.0.1.12";
    public static final String DIALER3_IP = "127.0.1.13";

    public static LabClusterSpec cluster() {
        List<Server> servers = List.of(
                new Server("DIALER1", DIALER1_IP, "Dialer 1 - lab twin", "20.20.1", 96),
                new Server("DIALER2", DIALER2_IP, "Dialer 2 - lab twin", "20.20.1", 96),
                new Server("DIALER3", DIALER3_IP, "Dialer 3 - lab twin", "20.20.1", 96));

        Carrier northstar = new Carrier("NSVOICE", "NorthStar Voice", "Primary US long distance", "SIP",
                "0.0.0.0", true, "", "NSTRUNK = SIP/nsvoice",
                String.join("\n",
                        "[nsvoice]",
                        "disallow=all",
                        "allow=ulaw",
                        "allow=alaw",
                        "type=peer",
                        "host=198.51.100.10",
                        "dtmfmode=rfc2833",
                        "context=trunkinbound",
                        "qualify=yes",
                        "qualifyfreq=15",
                        "insecure=port,invite",
                        "nat=force_rport,comedia"),
                String.join("\n",
                        "exten => _91NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _91NXXNXXXXXX,n,Dial(${NSTRUNK}/${EXTEN:1},${CAMPDTO},To)",
                        "exten => _91NXXNXXXXXX,n,Hangup()"));

        Carrier blueline = new Carrier("BLUELINE", "BlueLine Telecom", "Secondary carrier, prefix 8", "SIP",
                "0.0.0.0", true, "", "",
                String.join("\n",
                        "[blueline]",
                        "disallow=all",
                        "allow=ulaw",
                        "type=peer",
                        "host=203.0.113.20",
                        "dtmfmode=rfc2833",
                        "context=trunkinbound",
                        "qualify=yes",
                        "qualifyfreq=20",
                        "insecure=invite"),
                String.join("\n",
                        "exten => _81NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _81NXXNXXXXXX,2,Dial(SIP/blueline/${EXTEN:1},${CAMPDTO},To)",
                        "exten => _81NXXNXXXXXX,3,Hangup()"));

        Carrier orbit = new Carrier("ORBIT", "Orbit SIP", "East/west SBC pair, dialer 3 only", "SIP",
                DIALER3_IP, true, "", "",
                String.join("\n",
                        "[orbit-east]",
                        "disallow=all",
                        "allow=ulaw",
                        "type=peer",
                        "host=192.0.2.30",
                        "context=trunkinbound",
                        "qualify=250",
                        "qualifyfreq=10",
                        "insecure=port,invite",
                        "",
                        "[orbit-west]",
                        "disallow=all",
                        "allow=ulaw",
                        "type=peer",
                        "host=192.0.2.31",
                        "context=trunkinbound",
                        "qualify=250",
                        "qualifyfreq=10",
                        "insecure=port,invite"),
                String.join("\n",
                        "exten => _71NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _71NXXNXXXXXX,n,Dial(SIP/orbit-east/${EXTEN:1},${CAMPDTO},To)",
                        "exten => _71NXXNXXXXXX,n,GotoIf($[\"${DIALSTATUS}\" = \"CHANUNAVAIL\"]?west)",
                        "exten => _71NXXNXXXXXX,n,GotoIf($[\"${DIALSTATUS}\" = \"CONGESTION\"]?west)",
                        "exten => _71NXXNXXXXXX,n,Hangup()",
                        "exten => _71NXXNXXXXXX,n(west),Dial(SIP/orbit-west/${EXTEN:1},${CAMPDTO},To)",
                        "exten => _71NXXNXXXXXX,n,Hangup()"));

        Carrier velox = new Carrier("VELOX", "Velox Carrier", "Cheap overflow route, no qualify", "SIP",
                DIALER1_IP, true, "", "",
                String.join("\n",
                        "[velox]",
                        "disallow=all",
                        "allow=ulaw",
                        "type=peer",
                        "host=198.51.100.77",
                        "context=trunkinbound",
                        "qualify=no",
                        "insecure=invite"),
                String.join("\n",
                        "exten => _61NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _61NXXNXXXXXX,2,Dial(SIP/velox/${EXTEN:1},${CAMPDTO},To)",
                        "exten => _61NXXNXXXXXX,3,Hangup()"));

        // ViciDial ships this example carrier with every install, inactive (create.sql, verbatim).
        Carrier example = new Carrier("SIPExample", "SIP Example", "A SIP example carrier using IP Authentication",
                "SIP", "0.0.0.0", false, "", "SIPTRUNK = SIP/ExampleSIP",
                String.join("\n",
                        "[ExampleSIP]",
                        "type = peer",
                        "context = trunkinbound",
                        "usecallerid = yes",
                        "trustrpid = no",
                        "sendrpid = yes",
                        "host = 10.10.10.15",
                        "qualify = yes",
                        "insecure = port,invite",
                        "disallow = all",
                        "allow = ulaw",
                        "dtmfmode = auto"),
                String.join("\n",
                        "exten => _91999NXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _91999NXXXXXX,2,Dial(${SIPTRUNK}/${EXTEN:1},${CAMPDTO},To)",
                        "exten => _91999NXXXXXX,3,Hangup"));

        List<Campaign> campaigns = List.of(
                new Campaign("SALES1", "Outbound sales", "9", "", 26, true,
                        List.of("DIALER1", "DIALER2"), 18.0),
                new Campaign("RENEW", "Renewals", "8", "", 30, true,
                        List.of("DIALER2", "DIALER3"), 10.0),
                new Campaign("SURVEY", "Customer survey", "7", "", 22, true,
                        List.of("DIALER3"), 8.0),
                new Campaign("COLLECT", "Collections overflow", "6", "9", 28, true,
                        List.of("DIALER1"), 4.0),
                new Campaign("WINBACK", "Win-back (paused)", "9", "", 26, false,
                        List.of("DIALER2"), 0.0));

        List<DialList> lists = List.of(
                new DialList(1001, "Sales leads east", "SALES1", "", true),
                new DialList(1002, "Sales leads west (via BlueLine)", "SALES1", "8", true),
                new DialList(2001, "Renewals Q4", "RENEW", "", true),
                new DialList(3001, "Survey sample", "SURVEY", "", true),
                new DialList(4001, "Collections 30d", "COLLECT", "", true),
                new DialList(5001, "Lapsed customers", "WINBACK", "", false));

        Map<String, RemoteEndpoint> remotes = Map.of(
                "198.51.100.10", new RemoteEndpoint("198.51.100.10", "NorthStar SBC", 28, 0.25,
                        new CallOutcomeMix(0.34, 0.08, 0.41, 0.03, 0.06, 0.05, 0.03, 9, 95)),
                "203.0.113.20", new RemoteEndpoint("203.0.113.20", "BlueLine SBC", 55, 0.30,
                        new CallOutcomeMix(0.30, 0.09, 0.44, 0.05, 0.05, 0.04, 0.03, 10, 90)),
                "192.0.2.30", new RemoteEndpoint("192.0.2.30", "Orbit east SBC", 80, 0.35,
                        new CallOutcomeMix(0.28, 0.07, 0.46, 0.06, 0.06, 0.04, 0.03, 11, 80)),
                "192.0.2.31", new RemoteEndpoint("192.0.2.31", "Orbit west SBC", 92, 0.35,
                        new CallOutcomeMix(0.27, 0.07, 0.47, 0.06, 0.06, 0.04, 0.03, 11, 80)),
                "198.51.100.77", new RemoteEndpoint("198.51.100.77", "Velox SBC", 140, 0.40,
                        new CallOutcomeMix(0.22, 0.09, 0.45, 0.10, 0.07, 0.04, 0.03, 12, 70)));

        return new LabClusterSpec(servers, List.of(northstar, blueline, orbit, velox, example),
                campaigns, lists, remotes);
    }

    /**
     * A bigger twin for benchmarks: the default carriers, lists and far ends on {@code dialers} dialers
     * ({@code DIALER1}... at {@code 127.0.1.11}...; at least 3, so ORBIT on DIALER3 and VELOX on DIALER1 keep their
     * dialer). Campaigns: SALES1 (prefix 9) on the first half of the dialers, RENEW (8) on the second half and on
     * DIALER2 (so DIALER2 still mixes SALES1's list override 8 with RENEW), SURVEY (7) on DIALER3, COLLECT (6) on
     * DIALER1, WINBACK paused. Every active campaign dials {@code peakAttemptsPerCampaignPerDialer} at the peak of
     * {@code DayCurve} on each of its dialers (a day has about 731 peak-minutes). With 10 dialers there are 13
     * campaign-dialer pairs, so 158/min gives about 1.5 million attempts a day, 205 per dialer and minute at peak on
     * average: the §6 estimate for 125-trunk dialers. {@link #cluster()} is unchanged by this.
     */
    public static LabClusterSpec scaled(int dialers, double peakAttemptsPerCampaignPerDialer) {
        if (dialers < 3 || dialers > 99) {
            throw new IllegalArgumentException("dialers must be 3..99, not " + dialers);
        }
        LabClusterSpec base = cluster();
        List<Server> servers = new java.util.ArrayList<>();
        for (int i = 1; i <= dialers; i++) {
            servers.add(new Server("DIALER" + i, "127.0.1." + (10 + i), "Dialer " + i + " - lab twin", "20.20.1",
                    96));
        }
        int half = (dialers + 1) / 2;
        Map<String, List<String>> placement = new java.util.HashMap<>();
        placement.put("SALES1", new java.util.ArrayList<>());
        placement.put("RENEW", new java.util.ArrayList<>());
        for (int i = 1; i <= dialers; i++) {
            if (i <= half) {
                placement.get("SALES1").add("DIALER" + i);
            }
            if (i > half || i == 2) {
                placement.get("RENEW").add("DIALER" + i);
            }
        }
        placement.put("SURVEY", List.of("DIALER3"));
        placement.put("COLLECT", List.of("DIALER1"));
        placement.put("WINBACK", List.of("DIALER2"));
        List<Campaign> campaigns = base.campaigns().stream().map(c -> new Campaign(c.campaignId(), c.campaignName(),
                c.dialPrefix(), c.manualDialPrefix(), c.dialTimeoutSeconds(), c.active(),
                placement.get(c.campaignId()), c.active() ? peakAttemptsPerCampaignPerDialer : 0.0)).toList();
        return new LabClusterSpec(servers, base.carriers(), campaigns, base.lists(), base.remoteEndpoints());
    }

    /** The PJSIP carriers' names (ViciDial style: endpoint, aor and identify share the carrier's section name). */
    public static final String PJSIP_ENDPOINT = "zentra";
    public static final String PJSIP_REGISTERING_ENDPOINT = "kestrel";
    public static final String PJSIP_REGISTRATION = "kestrel-reg";
    public static final String PJSIP_AUTH = "kestrel-auth";
    /**
     * The lab-only password of {@link #PJSIP_AUTH}. Real Asterisk shows it in clear text in AuthDetail, so the
     * console's redaction can be tested against the lab: this value must never reach a log, screen or export.
     */
    public static final String PJSIP_LAB_PASSWORD = "lab-only-kestrel-pw";
    public static final String ZENTRA_HOST = "198.51.100.40";
    public static final String KESTREL_HOST = "203.0.113.50";

    /**
     * {@link #cluster()} plus two PJSIP carriers as ViciDial 2.14 writes them (protocol='PJSIP', account_entry with
     * aor + identify + endpoint sections of one name), on every dialer: ZENTRA ({@code zentra}, qualify_frequency
     * 15, prefix 4) and KESTREL ({@code kestrel}, qualify_frequency 10, an outbound registration {@code kestrel-reg}
     * with auth {@code kestrel-auth}, expiration 120 s, prefix 3), a campaign PJSALES (prefix 4) on DIALER1 and
     * DIALER3 whose second list overrides the prefix to 3, and the two far ends. Half the cluster's dialers then mix
     * chan_sip and PJSIP trunks, as ViciDial's {@code allowed_sip_stacks = SIP_and_PJSIP} does.
     */
    public static LabClusterSpec pjsipCluster() {
        return withPjsip(cluster());
    }

    /** {@code base} with the PJSIP carriers, campaign, lists and far ends of {@link #pjsipCluster()} added. */
    public static LabClusterSpec withPjsip(LabClusterSpec base) {
        Carrier zentra = new Carrier("ZENTRA", "Zentra Voice", "PJSIP carrier, IP auth", "PJSIP", "0.0.0.0", true,
                "", "",
                String.join("\n",
                        "[zentra]", "type=aor", "contact=sip:" + ZENTRA_HOST + ":5060", "qualify_frequency=15", "",
                        "[zentra]", "type=identify", "endpoint=zentra", "match=" + ZENTRA_HOST, "",
                        "[zentra]", "type=endpoint", "context=trunkinbound", "disallow=all", "allow=ulaw",
                        "transport=transport-udp", "aors=zentra", "direct_media=no", "rtp_symmetric=yes",
                        "force_rport=yes", "rewrite_contact=yes", "dtmf_mode=rfc4733"),
                String.join("\n",
                        "exten => _41NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _41NXXNXXXXXX,n,Dial(PJSIP/${EXTEN:1}@zentra,${CAMPDTO},To)",
                        "exten => _41NXXNXXXXXX,n,Hangup()"));
        Carrier kestrel = new Carrier("KESTREL", "Kestrel Networks", "PJSIP carrier with outbound registration",
                "PJSIP", "0.0.0.0", true, "", "",
                String.join("\n",
                        "[kestrel-auth]", "type=auth", "auth_type=userpass", "username=vici2045",
                        "password=" + PJSIP_LAB_PASSWORD, "",
                        "[kestrel-reg]", "type=registration", "transport=transport-udp", "outbound_auth=kestrel-auth",
                        "server_uri=sip:" + KESTREL_HOST + ":5060", "client_uri=sip:vici2045@" + KESTREL_HOST + ":5060",
                        "contact_user=vici2045", "retry_interval=20", "forbidden_retry_interval=600",
                        "expiration=120", "line=yes", "endpoint=kestrel", "",
                        "[kestrel]", "type=aor", "contact=sip:" + KESTREL_HOST + ":5060", "qualify_frequency=10", "",
                        "[kestrel]", "type=identify", "endpoint=kestrel", "match=" + KESTREL_HOST, "",
                        "[kestrel]", "type=endpoint", "context=trunkinbound", "disallow=all", "allow=ulaw,alaw",
                        "transport=transport-udp", "aors=kestrel", "outbound_auth=kestrel-auth", "direct_media=no",
                        "rtp_symmetric=yes", "force_rport=yes", "rewrite_contact=yes"),
                String.join("\n",
                        "exten => _31NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _31NXXNXXXXXX,n,Dial(PJSIP/${EXTEN:1}@kestrel,${CAMPDTO},To)",
                        "exten => _31NXXNXXXXXX,n,Hangup()"));
        List<Carrier> carriers = new java.util.ArrayList<>(base.carriers());
        carriers.add(zentra);
        carriers.add(kestrel);
        List<Campaign> campaigns = new java.util.ArrayList<>(base.campaigns());
        campaigns.add(new Campaign("PJSALES", "Outbound sales (PJSIP trunks)", "4", "", 26, true,
                List.of("DIALER1", "DIALER3"), 8.0));
        List<DialList> lists = new java.util.ArrayList<>(base.lists());
        lists.add(new DialList(6001, "PJSIP leads (Zentra)", "PJSALES", "", true));
        lists.add(new DialList(6002, "PJSIP leads (via Kestrel)", "PJSALES", "3", true));
        Map<String, RemoteEndpoint> remotes = new java.util.HashMap<>(base.remoteEndpoints());
        remotes.put(ZENTRA_HOST, new RemoteEndpoint(ZENTRA_HOST, "Zentra SBC", 35, 0.25,
                new CallOutcomeMix(0.33, 0.08, 0.42, 0.03, 0.06, 0.05, 0.03, 9, 90)));
        remotes.put(KESTREL_HOST, new RemoteEndpoint(KESTREL_HOST, "Kestrel SBC and registrar", 48, 0.30,
                new CallOutcomeMix(0.31, 0.08, 0.43, 0.04, 0.06, 0.05, 0.03, 10, 85)));
        return new LabClusterSpec(base.servers(), carriers, campaigns, lists, remotes);
    }

    /**
     * {@link #scaled(int, double)} with half its trunks on PJSIP, for the PJSIP benchmark reruns: BLUELINE (every
     * dialer) and ORBIT's east/west pair (DIALER3) become PJSIP carriers as ViciDial 2.14 writes them (aor +
     * identify + endpoint of the same name, {@code qualify_frequency} as their {@code qualifyfreq}, same far ends,
     * prefixes and failover, dialled as {@code PJSIP/number@endpoint}); NSVOICE and VELOX stay chan_sip. With 10
     * dialers that is 12 PJSIP endpoints and 11 chan_sip peers, and SALES1's list 1002, RENEW and SURVEY dial PJSIP.
     */
    public static LabClusterSpec scaledHalfPjsip(int dialers, double peakAttemptsPerCampaignPerDialer) {
        LabClusterSpec base = scaled(dialers, peakAttemptsPerCampaignPerDialer);
        List<Carrier> carriers = base.carriers().stream().map(c -> switch (c.carrierId()) {
            case "BLUELINE" -> pjsipTwin(c, String.join("\n", pjsipTrunk("blueline", "203.0.113.20", 20)),
                    String.join("\n",
                            "exten => _81NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                            "exten => _81NXXNXXXXXX,2,Dial(PJSIP/${EXTEN:1}@blueline,${CAMPDTO},To)",
                            "exten => _81NXXNXXXXXX,3,Hangup()"));
            case "ORBIT" -> pjsipTwin(c, String.join("\n", pjsipTrunk("orbit-east", "192.0.2.30", 10)) + "\n\n"
                    + String.join("\n", pjsipTrunk("orbit-west", "192.0.2.31", 10)),
                    String.join("\n",
                            "exten => _71NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                            "exten => _71NXXNXXXXXX,n,Dial(PJSIP/${EXTEN:1}@orbit-east,${CAMPDTO},To)",
                            "exten => _71NXXNXXXXXX,n,GotoIf($[\"${DIALSTATUS}\" = \"CHANUNAVAIL\"]?west)",
                            "exten => _71NXXNXXXXXX,n,GotoIf($[\"${DIALSTATUS}\" = \"CONGESTION\"]?west)",
                            "exten => _71NXXNXXXXXX,n,Hangup()",
                            "exten => _71NXXNXXXXXX,n(west),Dial(PJSIP/${EXTEN:1}@orbit-west,${CAMPDTO},To)",
                            "exten => _71NXXNXXXXXX,n,Hangup()"));
            default -> c;
        }).toList();
        return new LabClusterSpec(base.servers(), carriers, base.campaigns(), base.lists(), base.remoteEndpoints());
    }

    private static Carrier pjsipTwin(Carrier c, String accountEntry, String dialplan) {
        return new Carrier(c.carrierId(), c.carrierName(), c.description() + " (PJSIP)", "PJSIP", c.serverIp(),
                c.active(), "", "", accountEntry, dialplan);
    }

    private static List<String> pjsipTrunk(String name, String host, int qualifyFrequency) {
        return List.of("[" + name + "]", "type=aor", "contact=sip:" + host + ":5060",
                "qualify_frequency=" + qualifyFrequency, "",
                "[" + name + "]", "type=identify", "endpoint=" + name, "match=" + host, "",
                "[" + name + "]", "type=endpoint", "context=trunkinbound", "disallow=all", "allow=ulaw",
                "transport=transport-udp", "aors=" + name, "direct_media=no", "rtp_symmetric=yes", "force_rport=yes",
                "rewrite_contact=yes");
    }
}
