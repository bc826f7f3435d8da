package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.SipPeerInfo;
import trunkops.control.AdminState;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;

/** The forced state as its own board state: read from DBGetTree, beside the verdict, unknown when unread. */
class ForcedStateTest {

    private static final long T0 = 1_796_000_000_000L;
    private ClusterTopology topology;
    private ClusterHealth health;

    @BeforeEach
    void setUp() {
        topology = new LabRows().build();
        health = new ClusterHealth(HealthSettings.defaults());
        health.topology(topology);
        health.link(new AmiLinkStatus("DIALER1", AmiLinkState.CONNECTED, "ok", T0, 0), T0);
        health.peersSnapshot("DIALER1", List.of(SipPeerInfo.of("nsvoice", "192.0.2.1", 5060, "OK (23 ms)"),
                SipPeerInfo.of("blueline", "192.0.2.2", 5060, "OK (30 ms)")), T0);
    }

    private TrunkView view(String peer, long now) {
        return health.views(topology, now).stream().collect(Collectors.toMap(TrunkView::peer, v -> v,
                (a, b) -> a.serverId().equals("DIALER1") ? a : b)).get(peer);
    }

    private List<TimelineEntry> about(String peer) {
        return health.timeline(100).stream().filter(e -> e.subject().equals("DIALER1/" + peer)).toList();
    }

    @Test
    void unreadFlagsAreUnknownNeverInService() {
        TrunkView v = view("blueline", T0 + 100);
        assertFalse(v.forced().known(), "never read: unknown");
        assertFalse(v.forced().active());
        assertEquals("? admin flags unknown", v.forced().label());
        health.adminFlags("DIALER1", Map.of(), T0 + 200);
        assertTrue(view("blueline", T0 + 300).forced().known(), "read, no flag: in service, known");
        assertEquals(ForcedState.IN_SERVICE, view("blueline", T0 + 300).forced());
        health.adminFlagsFailed("DIALER1", "DBGetTree refused: Permission denied", T0 + 400);
        assertEquals(ForcedState.UNKNOWN, view("blueline", T0 + 500).forced(), "a failed read is unknown");
        health.adminFlags("DIALER1", Map.of(), T0 + 600);
        assertEquals(ForcedState.UNKNOWN, view("blueline", T0 + 600 + 21_000).forced(), "a read too old is unknown");
        health.adminFlags("DIALER1", Map.of(), T0 + 30_000);
        health.link(new AmiLinkStatus("DIALER1", AmiLinkState.DOWN, "lost", T0 + 30_100, 1), T0 + 30_100);
        assertEquals(ForcedState.UNKNOWN, view("blueline", T0 + 30_200).forced(), "link down: unknown");
        assertTrue(health.timeline(100).stream().anyMatch(e -> e.subject().equals("DIALER1 admin flags")
                && e.to().equals("UNKNOWN") && e.detail().contains("Permission denied")));
    }

    @Test
    void forcedOfflineIsItsOwnStateWithTheVerdictUnderneath() {
        long until = T0 / 1000 + 3_600;
        health.adminFlags("DIALER1", Map.of("/trunkops/admin/BlueLine", "offline:" + until,
                "/trunkops/admin/nsvoice/extra", "offline:0", "/trunkops/weight/R/nsvoice", "5"), T0 + 100);
        TrunkView b = view("blueline", T0 + 200);
        assertEquals(AdminState.OFFLINE, b.forced().state(), "chan_sip names compare without case");
        assertTrue(b.forced().active() && b.notLive() && !b.down(), "not live, yet not down");
        assertEquals(TrunkState.REACHABLE, b.state(), "the verdict stays");
        assertEquals("\u2714 Reachable 30 ms", b.verdictWords());
        assertEquals(Optional.of(Instant.ofEpochSecond(until)), b.forced().until());
        assertEquals("\u275A\u275A OFFLINE (forced) until " + Instant.ofEpochSecond(until).atZone(ZoneOffset.UTC)
                .toLocalTime().toString().substring(0, 5), b.forced().words(ZoneOffset.UTC, Instant.ofEpochMilli(T0)));
        assertEquals(ForcedState.IN_SERVICE, view("nsvoice", T0 + 200).forced(), "deeper keys are not flags");
        TimelineEntry on = about("blueline").get(0);
        assertEquals("in service", on.from());
        assertEquals("\u275A\u275A OFFLINE (forced)", on.to());
        assertTrue(on.detail().startsWith("until ") && on.detail().endsWith(" \u00B7 probe \u2714 Reachable 30 ms"),
                on.detail());

        long past = until * 1000 + 1;
        health.peersSnapshot("DIALER1", List.of(SipPeerInfo.of("blueline", "192.0.2.2", 5060, "OK (30 ms)")), past);
        health.adminFlags("DIALER1", Map.of("/trunkops/admin/BlueLine", "offline:" + until), past);
        ForcedState expired = view("blueline", past + 10).forced();
        assertEquals(AdminState.IN_SERVICE, expired.state(), "expired = in service");
        assertTrue(!expired.active() && expired.expiredFlagStored(), "the key is still stored: to be restored");
        assertFalse(ForcedState.IN_SERVICE.expiredFlagStored());
        assertTrue(about("blueline").get(0).detail().startsWith("expired (until "), about("blueline").toString());
    }

    @Test
    void drainAndItsEndAndWhoDidIt() {
        AdminNotes.Memory notes = new AdminNotes.Memory();
        health.notes(notes);
        notes.record(new AdminNote("DIALER1", "nsvoice", AdminState.OFFLINE, Optional.empty(), "ann@noc1",
                "older action", Optional.empty(), Instant.ofEpochMilli(T0 - 5_000)));
        health.adminFlags("DIALER1", Map.of("/trunkops/admin/nsvoice", "drain:0"), T0 + 100);
        ForcedState f = view("nsvoice", T0 + 200).forced();
        assertEquals("probe \u2714 Reachable 23 ms", about("nsvoice").get(0).detail(), "no until, no note");
        assertEquals(AdminState.DRAIN, f.state());
        assertTrue(f.note().isEmpty(), "a note of another state does not explain the flag");
        assertEquals("\u275A\u275A DRAIN", f.words(ZoneOffset.UTC, Instant.ofEpochMilli(T0)));
        notes.record(new AdminNote("DIALER1", "nsvoice", AdminState.DRAIN, Optional.empty(), "bob@noc2",
                "carrier maintenance", Optional.of("CHG-7"), Instant.ofEpochMilli(T0)));
        assertEquals("\u275A\u275A DRAIN \u00B7 by bob@noc2: carrier maintenance [CHG-7]",
                view("nsvoice", T0 + 300).forced().words(ZoneOffset.UTC, Instant.ofEpochMilli(T0)));
        health.adminFlags("DIALER1", Map.of(), T0 + 400);
        assertEquals(ForcedState.IN_SERVICE, view("nsvoice", T0 + 450).forced());
        TimelineEntry end = about("nsvoice").get(0);
        assertEquals("\u275A\u275A DRAIN", end.from());
        assertEquals("in service", end.to());
        assertEquals("flag removed", end.detail());
        assertTrue(health.views(topology, T0 + 500).stream().filter(v -> v.serverId().equals("DIALER2"))
                .noneMatch(v -> v.forced().known()), "another dialer's flags are its own: unread there");
    }
}
