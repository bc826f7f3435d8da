package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.db.ReplicaRoute;
import trunkops.lab.LabDefaults;

/** The service when the database goes away and comes back, and the read replica when it cannot be reached. */
class TrafficFaultsLabTest {

    private static LabDb lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabDb.start("faults", LabDefaults.cluster());
        LocalDateTime now = lab.repository().now();
        for (int i = 0; i < 5; i++) {
            lab.writes().autoDial("1700000000." + i, now.minusMinutes(30 + i), LabDefaults.DIALER1_IP,
                    "912025550" + (100 + i), i == 0 ? "ANSWER" : "CANCEL", 16, 200, "OK");
        }
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Waits (bounded) for a snapshot that satisfies {@code test}, discarding the others. */
    private static TrafficSnapshot await(BlockingQueue<TrafficSnapshot> q, String what,
                                         Predicate<TrafficSnapshot> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        TrafficSnapshot last = null;
        while (System.nanoTime() < deadline) {
            TrafficSnapshot s = q.poll(500, TimeUnit.MILLISECONDS);
            if (s != null) {
                last = s;
                if (test.test(s)) {
                    return s;
                }
            }
        }
        throw new AssertionError("timed out waiting until " + what + "; last snapshot: "
                + (last == null ? "none" : last.availability()));
    }

    private static long attempts(TrafficSnapshot s) {
        return s.totals().values().stream().mapToLong(CarrierMetrics::attempts).sum();
    }

    @Test
    void aStoppedDatabaseIsUnavailableSinceThenTheServiceRecoversByItself() throws Exception {
        BlockingQueue<TrafficSnapshot> snapshots = new LinkedBlockingQueue<>();
        CarrierTrafficService.Options options = CarrierTrafficService.Options.defaults()
                .withRefresh(Duration.ofMillis(300));
        try (CarrierTrafficService service = new CarrierTrafficService(lab.settings(),
                lab.lab.password()::toCharArray, options, c -> QualityAlarm.ProbeVerdict.UNKNOWN, snapshots::add,
                Clock.systemDefaultZone())) {
            service.start();
            TrafficSnapshot up = await(snapshots, "the first load", s -> s.availability().available());
            assertEquals(5, attempts(up));
            assertEquals("", up.availability().banner(ZoneId.systemDefault()));

            lab.lab.stop();
            TrafficSnapshot down = await(snapshots, "the service notices", s -> !s.availability().available());
            String banner = down.availability().banner(ZoneId.systemDefault());
            assertTrue(banner.matches("unavailable since \\d\\d:\\d\\d:\\d\\d - .+"), banner);
            assertEquals(5, attempts(down), "the last numbers stay on screen, marked");
            TrafficSnapshot stillDown = await(snapshots, "another failed tick", s -> s != down
                    && !s.availability().available());
            assertEquals(down.availability().since(), stillDown.availability().since(), "since the first failure");

            lab.lab.start();
            lab.writes().autoDial("1700000000.9", lab.repository().now(), LabDefaults.DIALER2_IP, "812025550199",
                    "ANSWER", 16, 200, "OK");
            TrafficSnapshot back = await(snapshots, "recovery with the new row", s -> s.availability().available()
                    && attempts(s) == 6);
            assertTrue(back.availability().since().isAfter(down.availability().since()));
            assertTrue(back.windowStart() != null && back.databaseNow() != null);
        } finally {
            lab.lab.start();
        }
    }

    @Test
    void anUnreachableReplicaIsNotUsedAndTheNoteSaysSo() throws Exception {
        ViciWrites w = lab.writes();
        try {
            w.exec("UPDATE system_settings SET slave_db_server = '127.0.0.1:1',"
                    + " reports_use_slave_db = 'AST_VDADstats,Carrier Log Report'");
            try (CarrierLogSource source = CarrierLogSource.open(lab.settings(), lab.lab.password()::toCharArray,
                    ReplicaRoute.Mode.AUTO)) {
                assertFalse(source.onReplica());
                assertTrue(source.note().startsWith("replica 127.0.0.1:1 unreachable, reading the primary: "),
                        source.note());
                assertTrue(source.replicaMissed());
                assertFalse(source.replicaAnswersNow(lab.lab.password()::toCharArray), "still down");
                // the admin points slave_db_server at a replica that answers: the console's next check sees it
                w.exec("UPDATE system_settings SET slave_db_server = ?", "127.0.0.1:" + lab.lab.port());
                assertTrue(source.replicaAnswersNow(lab.lab.password()::toCharArray));
                w.exec("UPDATE system_settings SET slave_db_server = '127.0.0.1:1'");
            }
            // the same server named as replica: the reads go there (PREFER ignores reports_use_slave_db)
            w.exec("UPDATE system_settings SET slave_db_server = ?, reports_use_slave_db = ''",
                    "127.0.0.1:" + lab.lab.port());
            try (CarrierLogSource source = CarrierLogSource.open(lab.settings(), lab.lab.password()::toCharArray,
                    ReplicaRoute.Mode.PREFER)) {
                assertTrue(source.onReplica());
                assertFalse(source.replicaMissed());
                assertFalse(source.replicaAnswersNow(lab.lab.password()::toCharArray), "not a fallback");
                assertEquals("reading the replica 127.0.0.1:" + lab.lab.port() + " (system_settings.slave_db_server)",
                        source.note());
                assertEquals(5, source.carrierLog().minuteCounts(LocalDateTime.now().minusDays(1),
                        LocalDateTime.now().plusDays(1)).values().stream().mapToLong(Long::longValue).sum());
            }
            // after reads on the replica failed, the service opens with avoidReplica: the primary, as a fallback
            try (CarrierLogSource source = CarrierLogSource.open(lab.settings(), lab.lab.password()::toCharArray,
                    ReplicaRoute.Mode.PREFER, true)) {
                assertFalse(source.onReplica());
                assertTrue(source.replicaMissed());
                assertTrue(source.note().endsWith("failed, reading the primary until it answers again"),
                        source.note());
                assertTrue(source.replicaAnswersNow(lab.lab.password()::toCharArray), "it answers: move back");
            }
            try (CarrierLogSource source = CarrierLogSource.open(lab.settings(), lab.lab.password()::toCharArray,
                    ReplicaRoute.Mode.AUTO)) {
                assertFalse(source.onReplica(), "AUTO: reports_use_slave_db does not list the Carrier Log Report");
                assertTrue(source.note().contains("does not list 'Carrier Log Report'"), source.note());
            }
        } finally {
            w.exec("UPDATE system_settings SET slave_db_server = '', reports_use_slave_db = ''");
        }
    }
}
