package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import trunkops.testutil.AmiTranscript;
import trunkops.testutil.ScriptedManager;
import trunkops.testutil.TranscriptAnswers;
import trunkops.topology.Tech;

/**
 * The gateway against what a real Asterisk 20.20.1 with res_pjsip answered (fixtures 23-*, 24-*, 26-*): every
 * request is answered with the transcript's own answer ({@link TranscriptAnswers}), every event is the
 * transcript's frame. Logging is captured at TRACE for asterisk-java and the console while AuthDetail (Password in
 * clear on the wire) is read: the password must appear nowhere.
 */
class PjsipFixtureReplayTest {

    private static final String PASSWORD = "labsecret";

    private ScriptedManager server;
    private ScheduledExecutorService scheduler;
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private ListAppender<ILoggingEvent> logs;
    private Level asteriskJavaLevel;
    private Level consoleLevel;

    private final AmiGatewayListener recorder = new AmiGatewayListener() {
        @Override
        public void linkChanged(AmiLinkStatus status) {
            seen.add(status);
        }

        @Override
        public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
            seen.add("peers " + peers);
        }

        @Override
        public void peerStatus(String serverId, Tech tech, String peer, String status, Integer timeMs, long at) {
            seen.add("PeerStatus " + tech + "/" + peer + "=" + status + " time=" + timeMs);
        }

        @Override
        public void pjsipContacts(String serverId, List<String> endpoints, List<PjsipContactInfo> contacts,
                                  boolean snapshot, long atMillis) {
            seen.add(new Poll(endpoints, contacts, snapshot));
        }

        @Override
        public void contactStatus(String serverId, PjsipContactInfo contact, long atMillis) {
            seen.add(contact);
        }

        @Override
        public void registrations(String serverId, Set<Tech> techs, List<RegistrationInfo> list, long atMillis) {
            seen.add(new Regs(techs, list));
        }

        @Override
        public void registry(String serverId, Tech tech, String client, String domain, String status, long at) {
            seen.add("Registry " + tech + " " + client + " " + domain + " " + status);
        }

        @Override
        public void channelHungUp(String serverId, String channel, int cause, int sipCode, long atMillis) {
            seen.add("Hangup " + channel + " cause=" + cause + " sip=" + sipCode);
        }

        @Override
        public void gatewayProblem(String serverId, String message) {
            seen.add("problem: " + message);
        }
    };

    record Poll(List<String> endpoints, List<PjsipContactInfo> contacts, boolean snapshot) {
    }

    record Regs(Set<Tech> techs, List<RegistrationInfo> list) {
    }

    @BeforeEach
    void start() throws Exception {
        TranscriptAnswers answers = TranscriptAnswers.of("23-pjsipshowendpoints.ami", "23-pjsipshowendpoint.ami",
                "23-pjsipshowregistrationsoutbound.ami", "03-sipshowregistry.ami");
        server = new ScriptedManager();
        server.otherActions = answers::answer;
        scheduler = Executors.newSingleThreadScheduledExecutor();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Logger aj = (Logger) LoggerFactory.getLogger("org.asteriskjava");
        asteriskJavaLevel = aj.getLevel();
        aj.setLevel(Level.TRACE);
        Logger console = (Logger) LoggerFactory.getLogger("trunkops");
        consoleLevel = console.getLevel();
        console.setLevel(Level.TRACE);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        server.close();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("org.asteriskjava")).setLevel(asteriskJavaLevel);
        ((Logger) LoggerFactory.getLogger("trunkops")).setLevel(consoleLevel);
    }

    private AmiGateway gateway(int pollMs) {
        return new AmiGateway(new AmiTarget("D1", "127.0.0.1", server.port(), ScriptedManager.USER),
                ScriptedManager.SECRET::toCharArray, recorder, scheduler,
                new AmiGateway.Settings(10_000, 5_000, 5_000, 100, 200, 10_000, pollMs, 0, 60_000));
    }

    @SuppressWarnings("unchecked")
    private <T> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int from = 0;
        Object lock = new Object();
        while (System.nanoTime() < deadline) {
            List<Object> now = List.copyOf(seen);
            for (int i = from; i < now.size(); i++) {
                Object o = now.get(i);
                if (type.isInstance(o) && test.test((T) o)) {
                    return (T) o;
                }
            }
            synchronized (lock) {
                lock.wait(20);
            }
        }
        throw new AssertionError("timed out waiting for a matching " + type.getSimpleName() + "; seen: " + seen);
    }

    private static PjsipContactInfo contact(Poll p, String endpoint) {
        return p.contacts().stream().filter(c -> c.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    @Test
    void theSnapshotReadsStaticContactsAndRegistrationsAsAsterisk20AnswersThem() throws Exception {
        try (AmiGateway g = gateway(0)) {
            g.start();
            Poll snap = await(Poll.class, Poll::snapshot);
            assertEquals(List.of("pjtrunk1", "pjtrunk2"), snap.endpoints());
            assertEquals(2, snap.contacts().size(), snap.toString());
            PjsipContactInfo c1 = contact(snap, "pjtrunk1");
            assertEquals("sip:127.0.0.1:5074", c1.uri());
            assertEquals("pjtrunk1", c1.aor());
            assertTrue(c1.reachable());
            assertEquals(1169, c1.rttUsec(), "RoundtripUsec is microseconds");
            assertEquals(1, c1.rttMs());
            assertEquals(4, contact(snap, "pjtrunk2").rttMs());
            Regs regs = await(Regs.class, r -> true);
            assertEquals(Set.of(Tech.SIP, Tech.PJSIP), regs.techs(), "both stacks answered");
            assertEquals(1, regs.list().size(), "chan_sip has no register => line here: " + regs);
            RegistrationInfo r = regs.list().get(0);
            assertEquals("pjtrunk2-reg", r.name());
            assertEquals("pjtrunk2", r.endpoint());
            assertEquals("sip:labuser@127.0.0.1:5075", r.client());
            assertEquals("sip:127.0.0.1:5075", r.server());
            assertTrue(r.registered());
        }
        assertNoPasswordAnywhere();
    }

    @Test
    void theEndpointsOfThePollAreTheWatchedOnes() throws Exception {
        try (AmiGateway g = gateway(0)) {
            g.watchPjsip("pjtrunk2"::equals);
            g.start();
            Poll snap = await(Poll.class, Poll::snapshot);
            assertEquals(List.of("pjtrunk2"), snap.endpoints(), "a phone or another carrier's endpoint is not read");
            assertEquals(List.of("pjtrunk2"), snap.contacts().stream().map(PjsipContactInfo::endpoint).toList());
        }
    }

    @Test
    void aRefusedOrVanishedEndpointGivesNoObservation() throws Exception {
        java.util.function.Function<java.util.Map<String, String>, String> real = server.otherActions;
        server.otherActions = m -> "pjsipshowendpoint".equalsIgnoreCase(m.get("action"))
                ? "Response: Error\r\nActionID: " + m.get("actionid") + "\r\nMessage: "
                + ("pjtrunk1".equals(m.get("endpoint")) ? "Unable to retrieve endpoint pjtrunk1\n"
                : "Permission denied") + "\r\n\r\n" : real.apply(m);
        try (AmiGateway g = gateway(0)) {
            g.start();
            Poll snap = await(Poll.class, Poll::snapshot);
            assertEquals(List.of(), snap.endpoints(), "neither endpoint was read: no verdict, never green");
            await(String.class, s -> s.equals("problem: PJSIP poll (PJSIPShowEndpoint) refused: Permission denied"
                    + " (the AMI user needs write class 'system')"));
        }
    }

    @Test
    void theLatencyPollRepeatsThePjsipRead() throws Exception {
        try (AmiGateway g = gateway(200)) {
            g.start();
            await(Poll.class, Poll::snapshot);
            Poll poll = await(Poll.class, p -> !p.snapshot());
            assertEquals(2, poll.contacts().size());
        }
    }

    @Test
    void contactStatusPeerStatusAndRegistryEventsAreReadAsTheyCome() throws Exception {
        List<String> down = TranscriptAnswers.events("24-contactstatus-unreachable.ami", "PeerStatus",
                "ContactStatus", "Registry");
        List<String> up = TranscriptAnswers.events("24-contactstatus-reachable.ami", "PeerStatus", "ContactStatus",
                "Registry");
        assertEquals(3, down.size(), down.toString());
        try (AmiGateway g = gateway(0)) {
            g.start();
            await(Regs.class, r -> true);
            down.forEach(server::sendToLoggedIn);
            await(String.class, s -> s.equals("PeerStatus PJSIP/pjtrunk2=Unreachable time=null"));
            PjsipContactInfo c = await(PjsipContactInfo.class, x -> x.unreachable());
            assertEquals("pjtrunk2", c.endpoint());
            assertEquals(-1, c.rttMs(), "RoundtripUsec 0 of an Unreachable contact is no round trip");
            await(String.class, s -> s.equals("Registry PJSIP sip:labuser@127.0.0.1:5075 sip:127.0.0.1:5075 Rejected"));
            up.forEach(server::sendToLoggedIn);
            PjsipContactInfo back = await(PjsipContactInfo.class, PjsipContactInfo::reachable);
            assertEquals(1442, back.rttUsec());
            await(String.class, s -> s.endsWith(" Registered"));
            assertEquals(0, g.eventsMalformed(), seen.toString());
        }
    }

    @Test
    void aPjsipHangupCarriesItsSipCode() throws Exception {
        List<String> hangups = TranscriptAnswers.events("26-originate-pjsip-failover-503.ami", "Hangup");
        try (AmiGateway g = gateway(0)) {
            g.start();
            await(Regs.class, r -> true);
            hangups.forEach(server::sendToLoggedIn);
            await(String.class, s -> s.startsWith("Hangup PJSIP/pjtrunk1-") && s.endsWith("cause=34 sip=503"));
        }
    }

    /** The password is in the fixture (so this test can fail), and in no log line nor anything the console got. */
    private void assertNoPasswordAnywhere() throws Exception {
        boolean onTheWire = AmiTranscript.load("23-pjsipshowendpoint.ami").connections().get(0).serverMessages()
                .stream().anyMatch(m -> m.lines().contains("Password: " + PASSWORD));
        assertTrue(onTheWire, "the fixture sends the password in clear");
        List<ILoggingEvent> captured;
        synchronized (logs) { // AppenderBase.doAppend holds the appender's lock
            captured = List.copyOf(logs.list);
        }
        assertFalse(captured.isEmpty(), "logging was captured");
        for (ILoggingEvent e : captured) {
            assertFalse(text(e).contains(PASSWORD), "the password reached the log: " + text(e));
        }
        assertFalse(seen.toString().contains(PASSWORD), "the password reached the console: " + seen);
    }

    private static String text(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(e.getFormattedMessage() == null ? "" : e.getFormattedMessage());
        for (Object a : e.getArgumentArray() == null ? new Object[0] : e.getArgumentArray()) {
            b.append(' ').append(a);
        }
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append(' ').append(t.getMessage());
        }
        return b.toString();
    }
}
