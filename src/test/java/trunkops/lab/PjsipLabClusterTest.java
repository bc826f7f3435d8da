package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.lab.pbx.Pbx;
import trunkops.testutil.AmiWireClient;

/**
 * The twin with PJSIP carriers ({@link LabDefaults#pjsipCluster()}), reached over raw TCP AMI as the console
 * reaches it: the keepalive writes pjsip-vicidial.conf from the carrier rows, every dialer qualifies the static
 * contacts and registers kestrel-reg, and the trunk faults work on PJSIP endpoints with Asterisk's PJSIP timing
 * (no Lagged: 2.5 s RTT stays Reachable without an event; a dead registrar shows at the next refresh).
 */
class PjsipLabClusterTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final double SPEED = 20.0;
    private static LabCluster lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "pjsip-lab-cluster-test"));
        trunkops.app.AppPaths.deleteTree(dir);
        LabCluster.Options o = new LabCluster.Options(dir, SPEED, false, false, 1.0, Duration.ofSeconds(15), 7L);
        lab = LabCluster.start(LabDefaults.pjsipCluster(), o, msg -> { });
        for (Pbx p : lab.dialers().values()) {
            assertTrue(PjsipFixtureLab.await(() -> allReachable(p)
                    && "Registered".equals(p.registrationStatuses().get(LabDefaults.PJSIP_REGISTRATION)), T),
                    p.serverId() + ": PJSIP trunks never came up: " + p.pjsipContactStatuses());
        }
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        trunkops.app.AppPaths.deleteTree(dir);
    }

    private static boolean allReachable(Pbx p) {
        Map<String, String> s = p.pjsipContactStatuses();
        return s.size() == 2 && s.values().stream().allMatch("Reachable"::equals);
    }

    private static String status(String serverId, String endpoint) {
        for (var e : lab.dialer(serverId).pjsipContactStatuses().entrySet()) {
            if (e.getKey().startsWith(endpoint + "/")) {
                return e.getValue();
            }
        }
        return null;
    }

    private static AmiWireClient login(String serverId) throws Exception {
        LabCluster.AmiAccess a = lab.amiAccess().stream().filter(x -> x.serverId().equals(serverId)).findFirst()
                .orElseThrow();
        AmiWireClient c = new AmiWireClient(a.host(), a.port());
        c.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T));
        return c;
    }

    @Test
    void keepaliveWritesViciDialPjsipCarriersAndEveryDialerServesThem() throws Exception {
        for (Pbx p : lab.dialers().values()) {
            String conf = p.files().read("pjsip-vicidial.conf").orElse("");
            assertTrue(conf.contains("; VICIDIAL Carrier: ZENTRA - Zentra Voice") && conf.contains("[kestrel-reg]"),
                    conf);
            assertEquals(List.of("kestrel", "zentra"), p.pjsipEndpoints());
        }
        try (AmiWireClient c = login("DIALER2")) {
            c.send("Action: PJSIPShowEndpoints\r\nActionID: e\r\n\r\n");
            assertNotNull(c.await(m -> m.contains("Event: EndpointListComplete") && m.contains("ListItems: 2"), T));
            c.send("Action: PJSIPShowEndpoint\r\nActionID: k\r\nEndpoint: kestrel\r\n\r\n");
            List<String> auth = c.await(m -> m.contains("Event: AuthDetail"), T);
            assertNotNull(auth);
            assertTrue(auth.contains("Password: " + LabDefaults.PJSIP_LAB_PASSWORD),
                    "AuthDetail carries the password in clear text, like Asterisk 20: " + auth);
            c.send("Action: PJSIPShowContacts\r\nActionID: c\r\n\r\n");
            assertNotNull(c.await(m -> m.contains("ActionID: c") && m.contains("Message: No Contacts found"), T));
        }
    }

    @Test
    void killedPjsipTrunkIsUnreachableWithinQualifyFrequencyPlusTimeout() throws Exception {
        try (AmiWireClient c = login("DIALER1")) {
            long t0 = lab.clock().nowMillis();
            lab.faults().killTrunk(LabDefaults.PJSIP_ENDPOINT);
            List<String> ev = c.await(m -> m.contains("Event: PeerStatus") && m.contains("Peer: PJSIP/zentra")
                    && m.contains("PeerStatus: Unreachable"), T);
            long detected = lab.clock().nowMillis() - t0;
            assertNotNull(ev);
            assertFalse(ev.stream().anyMatch(l -> l.startsWith("Time:")), "PJSIP PeerStatus has no Time: " + ev);
            assertTrue(detected <= 18_500, "qualify_frequency 15 s + qualify_timeout 3 s, took " + detected + " ms");
            assertNotNull(c.await(m -> m.contains("Event: ContactStatus") && m.contains("AOR: zentra")
                    && m.contains("RoundtripUsec: 0"), T));
            lab.faults().restoreTrunk(LabDefaults.PJSIP_ENDPOINT);
            assertNotNull(c.await(m -> m.contains("Peer: PJSIP/zentra") && m.contains("PeerStatus: Reachable"), T));
        }
        assertTrue(PjsipFixtureLab.await(() -> peerEventRows("PJSIP/zentra", "UNREACHABLE") > 0, T),
                "ViciDial's listener logs the PJSIP PeerStatus in vicidial_peer_event_log");
    }

    private static int peerEventRows(String peer, String type) {
        LabCluster.DbAccess db = lab.dbAccess();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM vicidial_peer_event_log"
                     + " WHERE channel_type='PJSIP' AND peer=? AND event_type=?")) {
            ps.setString(1, peer);
            ps.setString(2, type);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoAndAHalfSecondsOfRttStayReachableWithoutAnEvent() throws Exception {
        try (AmiWireClient c = login("DIALER2")) {
            int before = c.count();
            lab.faults().lagTrunk(LabDefaults.PJSIP_REGISTERING_ENDPOINT, 2500);
            Pbx p = lab.dialer("DIALER2");
            assertTrue(PjsipFixtureLab.await(() -> p.pjsipContactRttUsec().entrySet().stream()
                    .anyMatch(e -> e.getKey().startsWith("kestrel/") && e.getValue() >= 2_500_000), T));
            assertEquals("Reachable", status("DIALER2", "kestrel"));
            for (List<String> m : c.messages().subList(before, c.count())) {
                assertFalse(m.contains("Event: ContactStatus") || m.contains("Event: PeerStatus"), m.toString());
            }
            lab.faults().restoreTrunk(LabDefaults.PJSIP_REGISTERING_ENDPOINT);
        }
    }

    @Test
    void registrarDownRejectsTheRegistrationAtItsNextRefreshAndUpRegistersAgain() throws Exception {
        try (AmiWireClient c = login("DIALER3")) {
            lab.faults().registrarDown(LabDefaults.PJSIP_REGISTERING_ENDPOINT, true);
            List<String> rejected = c.await(m -> m.contains("Event: Registry") && m.contains("Status: Rejected"), T);
            assertNotNull(rejected);
            assertTrue(rejected.contains("Username: sip:vici2045@" + LabDefaults.KESTREL_HOST + ":5060"), rejected.toString());
            assertEquals("Reachable", status("DIALER3", "kestrel"), "OPTIONS still answered");
            lab.faults().registrarDown(LabDefaults.PJSIP_REGISTERING_ENDPOINT, false);
            assertNotNull(c.await(m -> m.contains("Event: Registry") && m.contains("Status: Registered"), T));
        }
    }

    @Test
    void isolatingOneDialerLeavesTheOthersReachable() {
        lab.faults().isolateTrunk("DIALER3", LabDefaults.PJSIP_ENDPOINT);
        assertTrue(PjsipFixtureLab.await(() -> "Unreachable".equals(status("DIALER3", "zentra")), T));
        assertEquals("Reachable", status("DIALER1", "zentra"));
        lab.faults().restoreTrunk(LabDefaults.PJSIP_ENDPOINT);
        assertTrue(PjsipFixtureLab.await(() -> "Reachable".equals(status("DIALER3", "zentra")), T));
    }

    @Test
    void failedCallsCarryTheSipCodeAsTechCause() throws Exception {
        lab.faults().failCalls(LabDefaults.PJSIP_ENDPOINT, 503, 1.0);
        try (AmiWireClient c = login("DIALER1")) {
            c.send("Action: Originate\r\nActionID: o\r\nChannel: Local/412125551234@default\r\nContext: default\r\n"
                    + "Exten: 8368\r\nPriority: 1\r\nTimeout: 30000\r\nAsync: true\r\n\r\n");
            List<String> hangup = c.await(m -> m.contains("Event: Hangup")
                    && m.stream().anyMatch(l -> l.startsWith("Channel: PJSIP/zentra-")), T);
            assertNotNull(hangup);
            assertTrue(hangup.contains("Cause: 34") && hangup.contains("TechCause: 503"), hangup.toString());
        } finally {
            lab.faults().restoreTrunk(LabDefaults.PJSIP_ENDPOINT);
        }
    }
}
