package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiGateway;
import trunkops.app.AppPaths;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * Issue 8 item 10: the latency shown with a state is the round trip that state was decided on. Against the lab over
 * real AMI: a lag pushes nsvoice (maxms 2000) and blueline over maxms; every board snapshot that shows a trunk
 * LAGGED shows no latency or one above maxms, every REACHABLE one at most maxms, and the lag's size arrives.
 */
class LatencyFollowsLagLabTest {

    private static LabCluster lab;
    private static Path dir;

    @BeforeAll
    static void startLab() throws Exception {
        dir = Files.createDirectories(Path.of("target", "latency-lag-lab-test"));
        AppPaths.deleteTree(dir);
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, false, false, 0, Duration.ofSeconds(15), 11L), m -> { });
    }

    @AfterAll
    static void stopLab() {
        lab.close();
        AppPaths.deleteTree(dir);
    }

    @Test
    void theLatencyShownWithAStateIsTheOneItWasDecidedOn() {
        BlockingQueue<BoardSnapshot> updates = new LinkedBlockingQueue<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        LabCluster.DbAccess db = lab.dbAccess();
        AmiGateway.Settings settings = AmiGateway.Settings.defaults().withLatencyPoll(2_000);
        try (ClusterMonitor monitor = new ClusterMonitor(new ClusterAccess("lab under test", true, db.jdbcUrl(),
                db.user(), db.password()::toCharArray, LabCluster.CONSOLE_AMI_USER,
                lab.amiAccess().get(0).secret()::toCharArray), s -> {
                    check(s, wrong);
                    updates.offer(s);
                }, HealthSettings.defaults(), settings)) {
            monitor.start();
            await(updates, "both trunks reachable on DIALER1", s -> is(s, "nsvoice", TrunkState.REACHABLE)
                    && is(s, "blueline", TrunkState.REACHABLE));
            lab.faults().lagTrunk("nsvoice", 3000);
            lab.faults().lagTrunk("blueline", 2500);
            await(updates, "both lagged with the lag's round trip", s -> lagged(s, "nsvoice", 3000)
                    && lagged(s, "blueline", 2500));
            lab.faults().restoreTrunk("nsvoice");
            lab.faults().restoreTrunk("blueline");
            await(updates, "both reachable again", s -> is(s, "nsvoice", TrunkState.REACHABLE)
                    && is(s, "blueline", TrunkState.REACHABLE));
        }
        assertTrue(wrong.isEmpty(), "a state shown with a latency it was not decided on: " + wrong);
    }

    private static void check(BoardSnapshot s, List<String> wrong) {
        for (TrunkView t : s.trunks()) {
            if (t.maxMs() <= 0 || t.latencyMs() < 0) {
                continue;
            }
            if (t.state() == TrunkState.LAGGED && t.latencyMs() <= t.maxMs()
                    || t.state() == TrunkState.REACHABLE && t.latencyMs() > t.maxMs()) {
                wrong.add(t.serverId() + "/" + t.peer() + " " + t.state() + " " + t.latencyMs() + " ms (maxms "
                        + t.maxMs() + ")");
            }
        }
    }

    private static TrunkView trunk(BoardSnapshot s, String peer) {
        return s.trunks().stream().filter(t -> t.serverId().equals("DIALER1") && t.peer().equals(peer))
                .findFirst().orElse(null);
    }

    private static boolean is(BoardSnapshot s, String peer, TrunkState state) {
        TrunkView t = trunk(s, peer);
        return t != null && t.state() == state;
    }

    private static boolean lagged(BoardSnapshot s, String peer, int lagMs) {
        TrunkView t = trunk(s, peer);
        return t != null && t.state() == TrunkState.LAGGED && t.latencyMs() >= lagMs;
    }

    private static void await(BlockingQueue<BoardSnapshot> updates, String what, Predicate<BoardSnapshot> test) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        BoardSnapshot last = null;
        while (System.nanoTime() < deadline) {
            try {
                BoardSnapshot s = updates.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (s != null && test.test(s)) {
                    return;
                }
                last = s == null ? last : s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out waiting until " + what + "; last: "
                + (last == null ? "none" : last.trunks()));
    }
}
