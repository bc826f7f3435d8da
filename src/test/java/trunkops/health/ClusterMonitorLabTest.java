package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiLinkState;
import trunkops.app.AppPaths;
import trunkops.db.DbLinkState;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * The monitor against lab faults, over real JDBC and AMI: a stopped database, a dialer whose manager
 * interface hangs without closing, wrong AMI credentials, wrong database credentials. Each shows a clear
 * message while it lasts, never shows a trunk healthy without fresh data, and ends in the right state after
 * recovery.
 */
class ClusterMonitorLabTest {

    private static LabCluster lab;
    private static Path dir;
    private final AtomicReference<BoardSnapshot> latest = new AtomicReference<>();
    private final java.util.concurrent.BlockingQueue<BoardSnapshot> updates =
            new java.util.concurrent.LinkedBlockingQueue<>();

    private void publish(BoardSnapshot s) {
        latest.set(s);
        updates.offer(s);
    }
    private ClusterMonitor monitor;

    @BeforeAll
    static void startLab() throws Exception {
        dir = Files.createDirectories(Path.of("target", "monitor-lab-test"));
        AppPaths.deleteTree(dir);
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 7L), m -> { });
    }

    @AfterAll
    static void stopLab() {
        lab.close();
        AppPaths.deleteTree(dir);
    }

    @AfterEach
    void closeMonitor() {
        if (monitor != null) {
            monitor.close();
        }
    }

    private ClusterMonitor watch(String amiSecret, String dbPassword) {
        LabCluster.DbAccess db = lab.dbAccess();
        // short timeouts so that a hung link is declared within the test's patience
        AmiGateway.Settings fast = new AmiGateway.Settings(3_000, 1_000, 3_000, 300, 2_000, 100_000, 2_000);
        monitor = new ClusterMonitor(new ClusterAccess("lab under test", true, db.jdbcUrl(), db.user(),
                dbPassword::toCharArray, LabCluster.CONSOLE_AMI_USER, amiSecret::toCharArray), this::publish,
                HealthSettings.defaults(), fast);
        monitor.start();
        return monitor;
    }

    private ClusterMonitor watchLab() {
        return watch(lab.amiAccess().get(0).secret(), lab.dbAccess().password());
    }

    /**
     * Waits for the newest snapshot, or one published after it, that passes {@code test} (woken by each
     * publication, no sleeping; snapshots older than the newest are not looked at).
     */
    private BoardSnapshot await(String what, Duration timeout, Predicate<BoardSnapshot> test) {
        long deadline = System.nanoTime() + timeout.toNanos();
        updates.clear();
        BoardSnapshot s = latest.get();
        while (true) {
            if (s != null && test.test(s)) {
                return s;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                BoardSnapshot next = updates.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                s = next == null ? s : next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out waiting until " + what + "; last snapshot: " + describe(latest.get()));
    }

    private static String describe(BoardSnapshot s) {
        if (s == null) {
            return "none";
        }
        StringBuilder b = new StringBuilder("db=" + s.db() + " problem=" + s.problem() + " servers=");
        s.servers().forEach(v -> b.append(v.serverId()).append(':').append(v.link()).append(' '));
        b.append(" trunks=");
        s.trunks().forEach(t -> b.append(t.serverId()).append('/').append(t.peer()).append('=').append(t.state()).append(' '));
        return b.toString();
    }

    private static TrunkState state(BoardSnapshot s, String server, String peer) {
        return s.trunks().stream().filter(t -> t.serverId().equals(server) && t.peer().equals(peer))
                .map(TrunkView::state).findFirst().orElse(null);
    }

    private static boolean healthyColour(TrunkState s) {
        return s == TrunkState.REACHABLE || s == TrunkState.LAGGED;
    }

    @Test
    void aStoppedDatabaseIsReportedTheBoardKeepsLiveAmiStateAndRecovers() {
        watchLab();
        await("the board is up", Duration.ofSeconds(60), s -> s.db().state() == DbLinkState.UP
                && state(s, "DIALER1", "nsvoice") == TrunkState.REACHABLE);
        lab.faults().stopDatabase();
        try {
            BoardSnapshot down = await("the database is reported down", Duration.ofSeconds(45),
                    s -> s.db().state() == DbLinkState.DOWN);
            assertFalse(down.db().message().isBlank(), "the operator is told why");
            assertFalse(down.db().message().contains(lab.dbAccess().password()), "no secret in the message");
            assertNotNull(down.topology(), "the last topology read stays on the board");
            monitor.refreshNow();
            // a refresh during the outage must not stall the board, which goes on publishing AMI state
            long lastAt = System.currentTimeMillis();
            long worstGap = 0;
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
            updates.clear();
            while (System.nanoTime() < until) {
                BoardSnapshot next;
                try {
                    next = updates.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                long now = System.currentTimeMillis();
                worstGap = Math.max(worstGap, now - lastAt);
                if (next != null) {
                    lastAt = now;
                }
            }
            assertTrue(worstGap < 2_500, "the board (which republishes at least every second) stalled " + worstGap + " ms while the topology read waited");
            BoardSnapshot refused = await("a refresh says the topology could not be read", Duration.ofSeconds(45),
                    s -> s.problem() != null);
            assertEquals(TrunkState.REACHABLE, state(refused, "DIALER1", "nsvoice"),
                    "trunk verdicts come from AMI, which is still fresh");
        } finally {
            lab.faults().startDatabase();
        }
        await("the database is back", Duration.ofSeconds(60), s -> s.db().state() == DbLinkState.UP);
        monitor.refreshNow();
        await("the topology is read again", Duration.ofSeconds(30), s -> s.problem() == null);
    }

    @Test
    void aHangingDialerGoesStaleNeverGreenAndRecovers() {
        watchLab();
        await("DIALER2 reports", Duration.ofSeconds(60), s -> state(s, "DIALER2", "nsvoice") == TrunkState.REACHABLE);
        lab.faults().hangAmi("DIALER2", true);
        try {
            BoardSnapshot hung = await("DIALER2's link is declared down", Duration.ofSeconds(30),
                    s -> s.servers().stream().anyMatch(v -> v.serverId().equals("DIALER2")
                            && v.link() != null && v.link().state() == AmiLinkState.DOWN));
            assertTrue(hung.trunks().stream().filter(t -> t.serverId().equals("DIALER2"))
                            .noneMatch(t -> healthyColour(t.state())),
                    "nothing on a dead link is shown healthy: " + describe(hung));
            await("DIALER2's trunks are stale", Duration.ofSeconds(30), s -> s.trunks().stream()
                    .filter(t -> t.serverId().equals("DIALER2")).allMatch(t -> t.state() == TrunkState.STALE));
            assertEquals(TrunkState.REACHABLE, state(latest.get(), "DIALER1", "nsvoice"), "other dialers unaffected");
        } finally {
            lab.faults().hangAmi("DIALER2", false);
        }
        await("DIALER2 recovers", Duration.ofSeconds(60), s -> state(s, "DIALER2", "nsvoice") == TrunkState.REACHABLE);
    }

    @Test
    void malformedFramesAreSkippedReportedAndTheDialerIsStillFollowed() {
        watchLab();
        await("DIALER1 reports", Duration.ofSeconds(60), s -> state(s, "DIALER1", "nsvoice") == TrunkState.REACHABLE);
        lab.faults().garbleAmi("DIALER1");
        BoardSnapshot s = await("the operator is told about the malformed frames", Duration.ofSeconds(20),
                b -> b.servers().stream().anyMatch(v -> v.serverId().equals("DIALER1") && v.problem() != null
                        && v.problem().contains("malformed AMI event")));
        assertEquals(TrunkState.REACHABLE, state(s, "DIALER1", "nsvoice"),
                "a PeerStatus Unreachable without a Peer header is applied to no trunk");
        lab.faults().killTrunk("nsvoice");
        try {
            await("the dialer is still followed after the garbage", Duration.ofSeconds(60),
                    b -> state(b, "DIALER1", "nsvoice") == TrunkState.UNREACHABLE);
        } finally {
            lab.faults().restoreTrunk("nsvoice");
        }
        await("nsvoice recovers", Duration.ofSeconds(60), b -> state(b, "DIALER1", "nsvoice") == TrunkState.REACHABLE);
    }

    @Test
    void wrongAmiCredentialsAreNamedAndNothingIsGreen() {
        watch("not-the-secret", lab.dbAccess().password());
        BoardSnapshot s = await("every dialer refuses the login", Duration.ofSeconds(60),
                b -> !b.servers().isEmpty() && b.servers().stream()
                        .allMatch(v -> v.link() != null && v.link().state() == AmiLinkState.AUTH_FAILED));
        assertTrue(s.servers().get(0).link().message().contains("login refused"), s.servers().get(0).link().message());
        assertFalse(s.trunks().isEmpty(), "the trunks are known from the database");
        assertTrue(s.trunks().stream().noneMatch(t -> healthyColour(t.state())), describe(s));
    }

    @Test
    void wrongDatabaseCredentialsAreNamedAndNeverRetried() throws Exception {
        long before = accessDenied();
        watch(lab.amiAccess().get(0).secret(), "not-the-password");
        BoardSnapshot s = await("the database refuses the login", Duration.ofSeconds(60),
                b -> b.db().state() == DbLinkState.AUTH_FAILED && b.problem() != null);
        assertFalse(s.db().message().contains("not-the-password"), "no secret in the message");
        assertTrue(s.db().message().contains("wrong password"), s.db().message());
        assertEquals(trunkops.db.DbFailure.AUTH, s.db().failure());
        assertTrue(s.trunks().isEmpty(), "no topology, so no trunks are claimed");
        // the probe (every 5 s) and the topology read (again after 5 s) keep going: they must not log in again
        long refusedAt = s.atMillis();
        await("two probe intervals later", Duration.ofSeconds(30), b -> b.atMillis() >= refusedAt + 11_000);
        monitor.refreshNow(); // nor does the operator's refresh resend a password nobody re-entered
        await("after the refresh", Duration.ofSeconds(30), b -> b.atMillis() >= refusedAt + 13_000);
        assertEquals(1, accessDenied() - before, "one login with the wrong password, not one per probe or read");
    }

    /** Logins the lab's MariaDB refused since it started (Access_denied_errors). */
    private static long accessDenied() throws java.sql.SQLException {
        LabCluster.DbAccess db = lab.dbAccess();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Access_denied_errors'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
