package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.db.CarrierLogRepository;
import trunkops.db.Database;
import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.CallHistoryGenerator;
import trunkops.lab.db.CallHistoryWriter;
import trunkops.lab.db.HistoryOptions;
import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;

/**
 * Issue 14 on the lab's 24 h (about 49,000 calls, BlueLine's incident, the RENEW|SALES1 shared prefix whose calls
 * get their campaign from vicidial_log): the summaries give exactly the numbers of a full read of the carrier log —
 * every carrier, dialer and campaign, mixes, dial times, attribution — while the cold load reads a fraction of the
 * rows; a change of carrier patterns rebuilds them under a new key; hours missing from the store (the console was
 * closed) are read, sealed and caught up; two consoles share one store at once.
 */
class SummaryStoreLabTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static LabDb lab;
    private static ClusterTopology topology;
    private static Path root;
    private static CarrierTrafficEngine.Settings settings;

    @BeforeAll
    static void load() throws Exception {
        LabClusterSpec spec = LabDefaults.cluster();
        lab = LabDb.start("summaries", spec);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new CallHistoryWriter(ZONE).write(lab.lab.dataSource(), new CallHistoryGenerator(spec)
                .generate(HistoryOptions.withDefaultIncidents(spec, now, 20261205L, ZONE)));
        topology = lab.topology();
        root = lab.dir.resolve("summaries");
        // reconciliation only where the test asks for it: no traffic is written meanwhile
        settings = CarrierTrafficEngine.Settings.defaults().withReconcile(java.time.Duration.ofHours(2), 0);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static CarrierTrafficEngine engine(Path store, ClusterTopology t) throws Exception {
        return engine(lab.repository(), store, t);
    }

    private static CarrierTrafficEngine engine(CarrierLogRepository repo, Path store, ClusterTopology t)
            throws Exception {
        CarrierTrafficEngine e = new CarrierTrafficEngine(repo, settings);
        if (store != null) {
            e.useSummaries(store, lab.lab.jdbcUrl());
        }
        e.setTopology(t);
        return e;
    }

    /** Cold load, then the refresh that moves shared-prefix calls to their campaigns (and seals). */
    private static CarrierTrafficEngine.Stats open(CarrierTrafficEngine e) throws Exception {
        CarrierTrafficEngine.Stats cold = e.refresh();
        e.refresh();
        return cold;
    }

    /** The report over the part of the window both engines hold, ending before anything unsealed. */
    private static CarrierReport report(CarrierTrafficEngine e, CarrierTrafficEngine window) {
        LocalDateTime from = window.windowStart().plusMinutes(30);
        LocalDateTime to = window.databaseNow().minusMinutes(15).truncatedTo(ChronoUnit.MINUTES);
        return e.report(from, to, List.of());
    }

    @Test
    void theSummariesGiveTheFullReadsNumbersAndTheColdLoadReadsAFractionOfTheRows() throws Exception {
        Path store = root.resolve("equal");
        CarrierTrafficEngine full = engine(null, topology);
        CarrierTrafficEngine.Stats fullCold = open(full);
        CarrierTrafficEngine first = engine(store, topology);
        CarrierTrafficEngine.Stats firstCold = open(first);
        CarrierTrafficEngine later = engine(store, topology);
        CarrierTrafficEngine.Stats laterCold = open(later);

        CarrierReport expected = report(full, later);
        assertTrue(expected.overall().attempts() > 20_000, "the lab's day: " + expected.overall().attempts());
        assertTrue(expected.byCampaign().keySet().stream().anyMatch(k -> "RENEW".equals(k.campaign()))
                && expected.byCampaign().keySet().stream().anyMatch(k -> "SALES1".equals(k.campaign())),
                "shared-prefix calls resolved to their campaigns: " + expected.byCampaign().keySet());
        assertEquals(expected, report(first, later), "the engine that built the summaries");
        assertEquals(expected, report(later, later), "the engine that read them");
        assertEquals(fullCold.rowsRead(), firstCold.rowsRead(), "nothing in the store the first time");
        assertTrue(laterCold.rowsRead() * 10 < fullCold.rowsRead(),
                "later cold loads read only what is not sealed: " + laterCold + " vs " + fullCold);
    }

    @Test
    void aChangeOfCarrierPatternsRebuildsTheSummariesUnderANewKey() throws Exception {
        Path store = root.resolve("patterns");
        CarrierTrafficEngine before = engine(store, topology);
        open(before);
        Path oldKey = before.summaryDirectory();

        ClusterTopology changed = withoutBlueline();
        CarrierTrafficEngine after = engine(store, changed);
        CarrierTrafficEngine.Stats cold = open(after);
        CarrierTrafficEngine full = engine(null, changed);
        CarrierTrafficEngine.Stats fullCold = open(full);

        assertNotEquals(oldKey, after.summaryDirectory(), "other patterns, other summaries");
        assertEquals(fullCold.rowsRead(), cold.rowsRead(), "rebuilt from the carrier log, not read from the old key");
        CarrierReport expected = report(full, after);
        assertFalse(expected.byCarrier().keySet().stream().anyMatch(k -> "BLUELINE".equals(k.carrierId())),
                "BlueLine's calls are no longer attributed to it");
        assertEquals(expected, report(after, after));
        assertNotEquals(report(before, after).byCarrier(), expected.byCarrier());

        // the same engine seeing the change while it runs rebuilds too
        before.setTopology(changed);
        before.refresh();
        before.refresh();
        assertEquals(after.summaryDirectory(), before.summaryDirectory());
        assertEquals(expected, report(before, after));
    }

    private static ClusterTopology withoutBlueline() throws Exception {
        var rows = new trunkops.db.ViciDialRepository(lab.db).topologyRows();
        List<CarrierRow> carriers = rows.carriers().stream().map(c -> !c.carrierId().equals("BLUELINE") ? c
                : new CarrierRow(c.carrierId(), c.carrierName(), c.description(), c.protocol(), c.serverIp(), false,
                c.registrationString(), c.globalsString(), c.accountEntry(), c.dialplanEntry(),
                c.templateContents())).toList();
        return TopologyBuilder.build(rows.servers(), carriers, rows.campaigns(), rows.lists());
    }

    @Test
    void hoursMissingFromTheStoreAreReadSealedAndCaughtUp() throws Exception {
        Path store = root.resolve("gap");
        CarrierTrafficEngine full = engine(null, topology);
        open(full);
        CarrierTrafficEngine first = engine(store, topology);
        open(first);
        // the console "was closed" from 20 h to 2 h ago: those hours' files are gone
        LocalDateTime now = first.databaseNow();
        List<Path> removed = hourFiles(first.summaryDirectory(), now.minusHours(20), now.minusHours(2));
        assertTrue(removed.size() >= 15, removed.toString());
        for (Path p : removed) {
            Files.delete(p);
        }
        // a 2 h window: the 18 h between the store's newest minute before it and its start are caught up
        CarrierTrafficEngine.Settings small = settings.withWindow(java.time.Duration.ofHours(2));
        CarrierTrafficEngine shortWindow = new CarrierTrafficEngine(lab.repository(), small);
        shortWindow.useSummaries(store, lab.lab.jdbcUrl());
        shortWindow.setTopology(topology);
        shortWindow.refresh();
        assertTrue(shortWindow.summaryNote().startsWith("summaries catching up"), shortWindow.summaryNote());
        int refreshes = 0;
        while (!shortWindow.summaryNote().isEmpty() && refreshes++ < 30) {
            shortWindow.refresh();
        }
        assertEquals("", shortWindow.summaryNote(), "caught up within an hour per refresh");
        assertTrue(removed.stream().allMatch(Files::exists), "every removed hour sealed again");

        CarrierTrafficEngine later = engine(store, topology);
        CarrierTrafficEngine.Stats cold = open(later);
        assertEquals(report(full, later), report(later, later));
        assertTrue(cold.rowsRead() * 10 < full.size()[0], cold.toString());
        // a past report through the store equals the full read too (it covers the caught-up hours)
        LocalDateTime a = now.minusHours(19).truncatedTo(ChronoUnit.HOURS);
        assertEquals(full.report(a, a.plusHours(12), List.of()), shortWindow.report(a, a.plusHours(12), List.of()));
    }

    private static List<Path> hourFiles(Path dir, LocalDateTime from, LocalDateTime to) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".cells")).filter(p -> {
                Path rel = dir.relativize(p);
                LocalDateTime h = LocalDateTime.of(Integer.parseInt(rel.getName(0).toString()),
                        Integer.parseInt(rel.getName(1).toString()), Integer.parseInt(rel.getName(2).toString()),
                        Integer.parseInt(rel.getName(3).toString().substring(0, 2)), 0);
                return !h.isBefore(from) && h.isBefore(to);
            }).toList();
        }
    }

    @Test
    void twoConsolesBuildAndReadOneStoreAtOnce() throws Exception {
        Path store = root.resolve("two");
        CarrierTrafficEngine full = engine(null, topology);
        open(full);
        try (Database second = new Database(CarrierLogRepository.readerSettings(LabDb.settings(lab.lab)),
                lab.lab.password().toCharArray())) {
            CarrierTrafficEngine a = engine(store, topology);
            CarrierTrafficEngine b = engine(new CarrierLogRepository(second), store, topology);
            CompletableFuture<CarrierTrafficEngine.Stats> fa = CompletableFuture.supplyAsync(() -> quietly(a));
            CompletableFuture<CarrierTrafficEngine.Stats> fb = CompletableFuture.supplyAsync(() -> quietly(b));
            fa.get();
            fb.get();
            assertEquals(a.summaryDirectory(), b.summaryDirectory());
            CarrierTrafficEngine third = engine(store, topology);
            CarrierTrafficEngine.Stats cold = open(third);
            CarrierReport expected = report(full, third);
            assertEquals(expected, report(a, third));
            assertEquals(expected, report(b, third));
            assertEquals(expected, report(third, third), "the store both wrote is whole");
            assertTrue(cold.rowsRead() * 10 < full.size()[0], cold.toString());
        }
    }

    private static CarrierTrafficEngine.Stats quietly(CarrierTrafficEngine e) {
        try {
            return open(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aDamagedFileIsReadFromTheDatabaseAgain() throws Exception {
        Path store = root.resolve("damaged");
        CarrierTrafficEngine full = engine(null, topology);
        open(full);
        CarrierTrafficEngine first = engine(store, topology);
        open(first);
        LocalDateTime now = first.databaseNow();
        List<Path> files = hourFiles(first.summaryDirectory(), now.minusHours(10), now.minusHours(9));
        assertEquals(1, files.size());
        byte[] bytes = Files.readAllBytes(files.get(0));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(files.get(0), bytes);
        CarrierTrafficEngine later = engine(store, topology);
        open(later);
        assertEquals(report(full, later), report(later, later));
    }


    @Test
    void aPastReportIsReadOneStatementAtATimeBetweenRefreshesAndRestartsWhenThePatternsChange() throws Exception {
        // a table too large to scan whole (ViciDial's years of history): chunks of an hour
        CarrierTrafficEngine.Settings small = settings.withWindow(java.time.Duration.ofHours(2)).withFullScanMaxRows(0);
        CarrierTrafficEngine e = new CarrierTrafficEngine(lab.repository(), small);
        e.useSummaries(root.resolve("steps"), lab.lab.jdbcUrl());
        e.setTopology(topology);
        open(e);
        LocalDateTime a = e.databaseNow().minusHours(20).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime b = e.windowStart().plusMinutes(30);
        CarrierTrafficEngine full = engine(null, topology);
        open(full);
        CarrierReport expected = full.report(a, b, List.of());

        ReportJob job = e.reportJob(a, b, List.of());
        int steps = 0;
        while (!job.step()) {
            steps++;
            e.refresh(); // what the service runs between two steps
        }
        assertTrue(steps >= 18 && job.statements() >= 17, "one statement per step: " + steps + " steps, "
                + job.statements() + " statements");
        assertEquals(expected, job.finish(), "the same numbers as a full read, refreshes in between");

        // the patterns change while a report is read: it starts again under the new attribution
        ClusterTopology changed = withoutBlueline();
        CarrierTrafficEngine fullChanged = engine(null, changed);
        open(fullChanged);
        LocalDateTime a2 = a.minusHours(2);
        ReportJob again = e.reportJob(a2, b, List.of());
        for (int i = 0; i < 3; i++) {
            assertFalse(again.step());
        }
        e.setTopology(changed);
        e.refresh();
        while (!again.step()) {
            e.refresh();
        }
        assertEquals(1, again.restarts());
        assertEquals(fullChanged.report(a2, b, List.of()), again.finish());
    }

    @Test
    void theServiceKeepsRefreshingWhileAPastReportIsRead() throws Exception {
        java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<TrafficSnapshot> loaded = new CompletableFuture<>();
        CarrierTrafficService.Options options = new CarrierTrafficService.Options(java.time.Duration.ofMillis(20),
                java.time.Duration.ofMinutes(10),
                settings.withWindow(java.time.Duration.ofHours(2)).withFullScanMaxRows(0),
                QualityRules.defaults(), trunkops.db.ReplicaRoute.Mode.OFF, root.resolve("service"));
        try (CarrierTrafficService service = new CarrierTrafficService(LabDb.settings(lab.lab),
                lab.lab.password()::toCharArray, options, c -> QualityAlarm.ProbeVerdict.UNKNOWN,
                s -> {
                    published.incrementAndGet();
                    if (s.windowStart() != null && s.availability().available()) {
                        loaded.complete(s);
                    }
                }, java.time.Clock.systemDefaultZone())) {
            service.start();
            LocalDateTime b = loaded.get(120, java.util.concurrent.TimeUnit.SECONDS).windowStart().plusMinutes(30);
            LocalDateTime a = b.minusHours(21).truncatedTo(ChronoUnit.HOURS);
            int before = published.get();
            CarrierReport r = service.report(a, b, List.of()).get(120, java.util.concurrent.TimeUnit.SECONDS);
            int during = published.get() - before;
            CarrierTrafficEngine full = engine(null, topology);
            open(full);
            assertEquals(full.report(a, b, List.of()), r);
            assertTrue(during >= 5, "the charts were refreshed while 19 hours were read: " + during);
        }
    }
}
