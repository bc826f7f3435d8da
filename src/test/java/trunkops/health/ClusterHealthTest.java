package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.SipPeerInfo;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.Tech;

/** The board's rules on the lab topology: never green without fresh data, and where the trouble lies. */
class ClusterHealthTest {

    private ClusterTopology topology;
    private ClusterHealth health;

    @BeforeEach
    void setUp() {
        topology = new LabRows().build();
        health = new ClusterHealth(HealthSettings.defaults());
        health.topology(topology);
    }

    private void connect(String server, long at) {
        health.link(new AmiLinkStatus(server, AmiLinkState.CONNECTED, "ok", at, 0), at);
    }

    private Map<String, TrunkView> views(long now) {
        return health.views(topology, now).stream()
                .collect(Collectors.toMap(v -> v.serverId() + "/" + v.peer(), v -> v));
    }

    private static List<SipPeerInfo> allOk(String... peers) {
        return java.util.Arrays.stream(peers).map(p -> SipPeerInfo.of(p, "192.0.2.1", 5060, "OK (30 ms)")).toList();
    }

    @Test
    void unknownUntilTheDialerReportsAfterConnecting() {
        assertTrue(views(0).values().stream().allMatch(v -> v.state() == TrunkState.UNKNOWN));
        connect("DIALER1", 1_000);
        assertEquals(TrunkState.UNKNOWN, views(1_000).get("DIALER1/nsvoice").state(), "connected, no report yet");
        health.peersSnapshot("DIALER1", allOk("nsvoice", "blueline"), 1_100);
        assertEquals(TrunkState.REACHABLE, views(1_200).get("DIALER1/nsvoice").state());
        assertEquals(30, views(1_200).get("DIALER1/nsvoice").latencyMs());
    }

    @Test
    void aDownLinkOrOldDataIsStaleNeverGreen() {
        connect("DIALER1", 0);
        health.peersSnapshot("DIALER1", allOk("nsvoice", "blueline"), 0);
        assertEquals(TrunkState.STALE, views(20_000).get("DIALER1/nsvoice").state(), "no report for 20 s");
        health.peerStatus("DIALER1", Tech.SIP, "nsvoice", "Reachable", 31, 20_000);
        assertEquals(TrunkState.REACHABLE, views(20_100).get("DIALER1/nsvoice").state());
        health.link(new AmiLinkStatus("DIALER1", AmiLinkState.DOWN, "connection lost", 20_200, 1), 20_200);
        TrunkView v = views(20_300).get("DIALER1/nsvoice");
        assertEquals(TrunkState.STALE, v.state());
        assertTrue(v.dialerStatus().contains("AMI link down"), v.dialerStatus());
        connect("DIALER1", 21_000);
        assertEquals(TrunkState.STALE, views(21_100).get("DIALER1/nsvoice").state(), "reconnected, not resynced");
    }

    @Test
    void carrierWideVersusServerLocal() {
        for (String s : List.of("DIALER1", "DIALER2", "DIALER3")) {
            connect(s, 0);
        }
        health.peersSnapshot("DIALER1", allOk("nsvoice", "blueline", "velox"), 0);
        health.peersSnapshot("DIALER2", allOk("nsvoice", "blueline"), 0);
        health.peersSnapshot("DIALER3", allOk("nsvoice", "blueline", "orbit-east", "orbit-west"), 0);
        health.peerStatus("DIALER2", Tech.SIP, "blueline", "Unreachable", -1, 1_000);
        assertEquals(TrunkScope.SERVER_LOCAL, views(1_100).get("DIALER2/blueline").scope());
        health.peerStatus("DIALER1", Tech.SIP, "blueline", "Unreachable", -1, 1_200);
        health.peerStatus("DIALER3", Tech.SIP, "blueline", "Unreachable", -1, 1_300);
        assertEquals(TrunkScope.CARRIER_WIDE, views(1_400).get("DIALER1/blueline").scope());
        health.peerStatus("DIALER3", Tech.SIP, "orbit-west", "Unreachable", -1, 1_500);
        assertEquals(TrunkScope.SINGLE, views(1_600).get("DIALER3/orbit-west").scope());
        assertEquals(TrunkScope.NONE, views(1_600).get("DIALER3/nsvoice").scope());
    }

    @Test
    void liveCallsAreCountedPerTrunkFromChannelNames() {
        connect("DIALER3", 0);
        health.channels("DIALER3", List.of("SIP/nsvoice-0000002a", "Local/91202@default-00000001;2",
                "SIP/orbit-east-0000002b"));
        health.channelStarted("DIALER3", "SIP/orbit-east-0000002c");
        health.channelEnded("DIALER3", "SIP/nsvoice-0000002a");
        assertEquals(2, health.calls("DIALER3", "orbit-east"));
        assertEquals(0, health.calls("DIALER3", "nsvoice"));
        assertEquals("orbit-east", ChannelTable.peerOfChannel("SIP/orbit-east-0000002b"));
    }

    @Test
    void aStatusChangesOnlyATrunkOfTheTechnologyItNames() {
        connect("DIALER1", 0);
        health.peersSnapshot("DIALER1", allOk("nsvoice", "blueline"), 0);
        health.peerStatus("DIALER1", Tech.PJSIP, "nsvoice", "Unreachable", -1, 1_000);
        health.peerStatus("DIALER1", Tech.IAX2, "NSVOICE", "Unreachable", -1, 1_100);
        assertEquals(TrunkState.REACHABLE, views(1_200).get("DIALER1/nsvoice").state(),
                "chan_sip's nsvoice is not PJSIP's or IAX2's");
        health.peerStatus("DIALER1", Tech.SIP, "NSVoice", "Unreachable", -1, 1_300);
        assertEquals(TrunkState.UNREACHABLE, views(1_400).get("DIALER1/nsvoice").state(),
                "chan_sip peer names are case-insensitive");
    }

    @Test
    void channelsWhoseHangupWasMissedAreBoundedAndAgeOutAtTheResync() {
        connect("DIALER3", 0);
        for (int i = 0; i < 100_000; i++) {
            health.channelStarted("DIALER3", String.format("SIP/nsvoice-%08x", i));
        }
        assertEquals(ChannelTable.DEFAULT_CAP, health.calls("DIALER3"));
        assertTrue(health.problem("DIALER3").contains("not counted until the next CoreShowChannels resync"),
                health.problem("DIALER3"));
        health.channels("DIALER3", List.of("SIP/nsvoice-00000001"));
        assertEquals(1, health.calls("DIALER3", "nsvoice"));
        ClusterHealth fresh = new ClusterHealth(HealthSettings.defaults());
        fresh.channels("DIALER1", java.util.stream.IntStream.range(0, ChannelTable.DEFAULT_CAP + 5)
                .mapToObj(i -> String.format("SIP/blueline-%08x", i)).toList());
        assertEquals(ChannelTable.DEFAULT_CAP, fresh.calls("DIALER1"));
        assertTrue(fresh.problem("DIALER1") != null, "a resync that does not fit is said too");
    }

    @Test
    void verdictChangesGoToTheTimeline() {
        connect("DIALER3", 0);
        health.peersSnapshot("DIALER3", allOk("orbit-west"), 0);
        health.peerStatus("DIALER3", Tech.SIP, "orbit-west", "Unreachable", -1, 5_000);
        TimelineEntry e = health.timeline(10).get(0);
        assertEquals("DIALER3/orbit-west", e.subject());
        assertEquals("Reachable", e.from());
        assertEquals("Unreachable", e.to());
    }
}
