package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.db.CarrierLogRepository;
import trunkops.db.CarrierLogSchema;
import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.CallHistory;
import trunkops.lab.db.CallHistoryGenerator;
import trunkops.lab.db.CallHistoryWriter;
import trunkops.lab.db.GeneratedCall;
import trunkops.lab.db.HistoryOptions;
import trunkops.topology.ClusterTopology;

/**
 * Attribution and metrics on the lab's 24 h history (about 49 000 calls on three dialers, BlueLine's 503 incident
 * 5 h ago) checked against the generator's per-call truth, over a real MariaDB through the console's own reader.
 */
class CarrierTrafficLabTest {

    /** Fixed, as in the lab's own history tests: 22:00 in New York, so BlueLine's incident falls at 17:00. */
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static LabDb lab;
    private static CallHistory history;
    private static HistoryOptions options;
    private static ClusterTopology topology;
    private static LocalDateTime from;
    private static LocalDateTime to;
    private static CarrierTrafficEngine engine;

    @BeforeAll
    static void load() throws Exception {
        LabClusterSpec spec = LabDefaults.cluster();
        lab = LabDb.start("history", spec);
        Instant now = NOW;
        options = HistoryOptions.withDefaultIncidents(spec, now, 20261126L, ZONE);
        history = new CallHistoryGenerator(spec).generate(options);
        new CallHistoryWriter(ZONE).write(lab.lab.dataSource(), history);
        topology = lab.topology();
        from = LocalDateTime.ofInstant(options.start(), ZONE).withSecond(0).withNano(0);
        to = LocalDateTime.ofInstant(now, ZONE).plusMinutes(1);
        engine = new CarrierTrafficEngine(lab.repository(), CarrierTrafficEngine.Settings.defaults());
        engine.setTopology(topology);
        engine.load(from, to);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static LocalDateTime callDate(GeneratedCall c) {
        return LocalDateTime.ofInstant(c.end(), ZONE).withNano(0);
    }

    @Test
    void everyCarrierAndDialerCountsWhatTheGeneratorDecided() {
        Map<String, long[]> truth = new TreeMap<>();
        Map<String, Map<String, Long>> statuses = new HashMap<>();
        Map<String, Long> byServer = new HashMap<>();
        for (GeneratedCall c : history.routedCalls()) {
            long[] t = truth.computeIfAbsent(c.carrierId(), k -> new long[2]);
            t[0]++;
            t[1] += c.dialstatus().equals("ANSWER") ? 1 : 0;
            statuses.computeIfAbsent(c.carrierId(), k -> new HashMap<>()).merge(c.dialstatus(), 1L, Long::sum);
            byServer.merge(c.carrierId() + "@" + c.serverIp(), 1L, Long::sum);
        }
        CarrierReport report = engine.report(from, to, List.of());
        assertEquals(truth.keySet(), report.byCarrier().keySet().stream().map(SeriesKey::carrierId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)), "no unattributed bucket");
        truth.forEach((carrier, t) -> {
            CarrierMetrics m = report.byCarrier().get(SeriesKey.carrier(carrier));
            assertEquals(t[0], m.attempts(), carrier);
            assertEquals(t[1], m.answered(), carrier);
            assertEquals(statuses.get(carrier), new HashMap<>(m.dialStatuses()), carrier);
        });
        report.byServer().forEach((k, m) -> assertEquals(byServer.get(k.carrierId() + "@" + k.serverIp()),
                m.attempts(), k.label()));
        assertEquals(history.routedCalls().size(), report.overall().attempts());
        assertEquals(history.routedCalls().size(), report.attribution().bySource()
                .get(Attribution.Source.LOCAL_CHANNEL), "every auto-dial row read from its own Local channel");
        assertEquals("", report.schemaNote());
    }

    @Test
    void rowByRowTheCarrierIsTheTruthAndTheCampaignIsNamedOrAmbiguousNeverWrong() throws Exception {
        Map<String, GeneratedCall> truth = new HashMap<>();
        history.routedCalls().forEach(c -> truth.put(c.uniqueid(), c));
        CarrierAttributor attributor = new CarrierAttributor(topology);
        CarrierLogRepository repo = lab.repository();
        CarrierLogSchema schema = repo.schema();
        long[] n = {0, 0};
        repo.scan(schema, from, to, attributor::needsDetails, attributor::needsDialLog, row -> {
            GeneratedCall call = truth.get(row.uniqueid());
            Attribution a = attributor.attribute(row);
            assertEquals(call.carrierId(), a.carrierId(), row.uniqueid());
            assertEquals(call.dialString(), a.dialString());
            assertTrue(List.of(a.campaign().split("\\|")).contains(call.campaignId()),
                    call.campaignId() + " not in " + a.campaign());
            assertEquals(callDate(call), row.callDate());
            n[0]++;
            n[1] += a.campaign().contains("|") ? 1 : 0;
        });
        assertEquals(truth.size(), n[0]);
        // prefix 8 is RENEW's and SALES1 list 1002's: shown as both, on every dialer (ViciDial records no campaign)
        long eights = history.routedCalls().stream().filter(c -> c.dialString().startsWith("8")).count();
        assertEquals(eights, n[1]);
    }

    /**
     * Issue 8 item 12: prefix 8 is RENEW's and SALES1 list 1002's, so the prefix alone says "RENEW|SALES1". Every such
     * call's campaign is read from vicidial_log (lead_id + the uniqueid's epoch; answered calls are logged there with
     * the other Local half's uniqueid), so the carrier x campaign counts are exactly the generator's, and no campaign
     * key is a guess.
     */
    @Test
    void theCarrierByCampaignCountsAreTheCampaignsViciDialLogged() {
        Map<SeriesKey, Long> truth = new TreeMap<>();
        for (GeneratedCall c : history.routedCalls()) {
            truth.merge(new SeriesKey(c.carrierId(), null, c.campaignId()), 1L, Long::sum);
        }
        Map<SeriesKey, Long> shown = new TreeMap<>();
        engine.report(from, to, List.of()).byCampaign().forEach((k, m) -> shown.put(k, m.attempts()));
        assertEquals(truth, shown);
        assertTrue(history.routedCalls().stream().anyMatch(c -> c.dialString().startsWith("8")
                && c.campaignId().equals("SALES1")) && history.routedCalls().stream().anyMatch(c ->
                c.dialString().startsWith("8") && c.campaignId().equals("RENEW")), "both campaigns dial prefix 8");
    }

    @Test
    void blueLinesIncidentIsAnAlarmEpisodeAndNothingElseIs() {
        HistoryOptions.FarEndIncident incident = options.farEndIncidents().get(0);
        LocalDateTime start = LocalDateTime.ofInstant(incident.start(), ZONE);
        LocalDateTime end = LocalDateTime.ofInstant(incident.end(), ZONE);
        List<QualityAlarm> alarms = new QualityAlarmDetector(QualityRules.defaults()).episodes(
                CubeQueries.series(engine.cube(), CubeQueries.minute(from), CubeQueries.minute(to),
                        BucketSize.FIVE_MINUTES, Dimension.CARRIER, s -> true, true),
                c -> QualityAlarm.ProbeVerdict.OK);
        assertTrue(alarms.stream().allMatch(a -> a.carrierId().equals("BLUELINE")), alarms.toString());
        QualityAlarm spike = alarms.stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).findFirst()
                .orElseThrow(() -> new AssertionError("no failure spike: " + alarms));
        // stamped with the start of the 5-minute bucket that holds the first failing calls
        assertTrue(!spike.detected().isBefore(start.minusMinutes(5))
                && spike.detected().isBefore(start.plusMinutes(20)),
                spike.detected() + " vs incident " + start);
        assertTrue(spike.cleared().isAfter(end) && spike.cleared().isBefore(end.plusMinutes(25)),
                spike.cleared() + " vs incident end " + end);
        assertTrue(spike.evidence().startsWith("CONGESTION / SIP 503 Service Unavailable: "), spike.evidence());
        assertTrue(spike.worst() > 60, "worst failure share " + spike.worst());
        assertTrue(alarms.stream().anyMatch(a -> a.kind() == QualityAlarm.Kind.ASR_DROP), alarms.toString());
    }

    @Test
    void theCarrierReportCommandPrintsOneLinePerCarrierAndWritesTheTidyCsv() throws Exception {
        java.nio.file.Path csv = lab.dir.resolve("report.csv");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = trunkops.app.CarrierReportCommandAccess.run(List.of("--jdbc", lab.lab.jdbcUrl(), "--db-user",
                lab.lab.user(), "--db-password-env", "LAB_PW", "--from", from.toString(), "--to", to.toString(),
                "--csv", csv.toString()), Map.of("LAB_PW", lab.lab.password())::get, new java.io.PrintStream(out),
                new java.io.PrintStream(err));
        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("BLUELINE", "NSVOICE", "ORBIT", "VELOX"), lines.stream().map(l -> l.split(" ")[0])
                .toList(), "every routing carrier, no unattributed line");
        CarrierReport report = engine.report(from, to, List.of());
        for (String line : lines) {
            assertTrue(line.matches("[A-Z]+ attempts=\\d+ answered=\\d+ asr=\\d+\\.\\d top_failure=[A-Z]+:\\d+"),
                    line);
            CarrierMetrics m = report.byCarrier().get(SeriesKey.carrier(line.split(" ")[0]));
            assertEquals(String.format(java.util.Locale.ROOT, "%s attempts=%d answered=%d asr=%.1f top_failure=%s:%d",
                    line.split(" ")[0], m.attempts(), m.answered(), m.asr(), m.topFailure().orElseThrow().getKey(),
                    m.topFailure().orElseThrow().getValue()), line);
        }
        List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertEquals(String.join(",", ReportCsv.OUTCOME_HEADER), rows.get(0));
        long sum = rows.stream().skip(1).mapToLong(r -> Long.parseLong(r.substring(r.lastIndexOf(',') + 1))).sum();
        assertEquals(history.routedCalls().size(), sum, "the tidy table adds up to every row");
        int dialer = ReportCsv.OUTCOME_HEADER.indexOf("dialer");
        int ip = ReportCsv.OUTCOME_HEADER.indexOf("server_ip");
        Map<String, String> names = Map.of("127.0.1.11", "DIALER1", "127.0.1.12", "DIALER2", "127.0.1.13", "DIALER3");
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",", -1);
            assertEquals(names.get(f[ip]), f[dialer], "the dialer's name beside its server_ip: " + r);
        }
    }

    @Test
    void theReportTakesDialersByNameOrAddressAndRefusesUnknownOnes() {
        List<String> base = List.of("--jdbc", lab.lab.jdbcUrl(), "--db-user", lab.lab.user(), "--db-password-env",
                "LAB_PW", "--from", from.toString(), "--to", to.toString());
        java.util.function.Function<List<String>, String[]> run = more -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = trunkops.app.CarrierReportCommandAccess.run(java.util.stream.Stream.concat(base.stream(),
                    more.stream()).toList(), Map.of("LAB_PW", lab.lab.password())::get,
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            return new String[] {Integer.toString(code), out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8)};
        };
        String[] byIp = run.apply(List.of("--servers", LabDefaults.DIALER1_IP));
        String[] byName = run.apply(List.of("--servers", "DIALER1"));
        String[] all = run.apply(List.of());
        assertEquals("0", byIp[0], byIp[2]);
        assertEquals("0", byName[0], byName[2]);
        assertEquals(byIp[1], byName[1], "a dialer's server_id selects what its server_ip does");
        assertTrue(!byIp[1].equals(all[1]), "one dialer is not the whole cluster:\n" + byIp[1]);
        for (String unknown : List.of("10.9.9.9", "DIALER1,DIALER9", "x' OR '1'='1", "$(reboot)")) {
            String[] r = run.apply(List.of("--servers", unknown));
            assertEquals("2", r[0], unknown + ": " + r[2]);
            assertEquals("", r[1], "no zeros printed for " + unknown);
            assertEquals(1, r[2].lines().count(), r[2]);
            assertTrue(r[2].startsWith("trunkops carrier-report: unknown dialer '") && r[2].contains(
                    "in --servers; known dialers: DIALER1 (" + LabDefaults.DIALER1_IP + "), DIALER2 ("), r[2]);
        }
    }

    @Test
    void theLauncherPrintsTheReportOnStdoutAndNothingOnStderr() throws Exception {
        java.nio.file.Path state = lab.dir.resolve("launcher-state");
        trunkops.testutil.LauncherProcess.Result r = trunkops.testutil.LauncherProcess.run(state,
                Map.of("LAB_PW", lab.lab.password()), "carrier-report", "--jdbc", lab.lab.jdbcUrl(), "--db-user",
                lab.lab.user(), "--db-password-env", "LAB_PW", "--from", from.toString(), "--to", to.toString(),
                "--servers", "DIALER1");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "the result on stdout, the log in its file, nothing on stderr");
        assertEquals(List.of("BLUELINE", "NSVOICE", "ORBIT", "VELOX"), r.out().lines().map(l -> l.split(" ")[0])
                .toList(), r.out());
        assertTrue(java.nio.file.Files.exists(state.resolve("trunkops/log/trunkops.log")), "log file");
    }

    @Test
    void oddRowsAreCountedAndExplained() throws Exception {
        ViciWrites w = lab.writes();
        LocalDateTime t = to.plusHours(1).withSecond(30);
        String d1 = LabDefaults.DIALER1_IP;
        // a manual dial: the ;1 half of the agent's conference channel runs the carrier; call_log has the dial string
        w.carrierLog("1900000001.1", t, d1, "ANSWER", 16, "Local/8600051@default-0000feed;1", 40, 30, 200, "OK",
                "M1126101530000000042");
        w.callLog("1900000001.1", "Local/8600051@default-0000feed;1", d1, "912025550199", "M1126101530000000042",
                t.minusSeconds(40), t);
        // a manual dial without its call_log row: the dial log has <prefix><phone>
        w.carrierLog("1900000002.1", t, d1, "BUSY", 17, "Local/8600052@default-0000feee;1", 5, 0, 486, "Busy Here",
                "M1126101530000000043");
        w.dialLog("M1126101530000000043", d1, t.minusSeconds(6), "812025550198", "Local/8600052@default");
        // an auto-dial row whose call_log row is missing: its own channel carries the dial string
        w.carrierLog("1900000003.1", t, d1, "CANCEL", 0, "Local/912025550197@default-0000feef;2", 26, 0, 180,
                "Ringing", "V1126101530000000044");
        // NULL dialstatus and cause, SIP 0
        w.carrierLog("1900000004.1", t, d1, null, null, "Local/612025550196@default-0000fef0;2", null, null, 0, "",
                "V1126101530000000045");
        // a server that is not a dialer, and a SIP channel with nothing to go by
        w.carrierLog("1900000005.1", t, "192.0.2.99", "ANSWER", 16, "Local/912025550195@default-0000fef1;2", 20, 9,
                200, "OK", "V1126101530000000046");
        w.carrierLog("1900000006.1", t, d1, "CONGESTION", 34, "SIP/nsvoice-0000fef2", 0, 0, 503,
                "Service Unavailable", "V1126101530000000047");
        CarrierTrafficEngine e = new CarrierTrafficEngine(lab.repository(), CarrierTrafficEngine.Settings.defaults());
        e.setTopology(topology);
        CarrierTrafficEngine.Stats stats = e.load(t.withSecond(0), t.plusMinutes(1));
        assertEquals(6, stats.rowsRead());
        assertEquals(3, stats.detailLookups(), "the two manual rows and the SIP-channel row");
        CarrierReport r = e.report(t.withSecond(0), t.plusMinutes(1), List.of());
        // the row of a server that does not dial counts under NONE: its dial string cannot be matched anywhere
        assertEquals(Map.of(Attribution.Source.LOCAL_CHANNEL, 2L, Attribution.Source.CALL_LOG, 1L,
                Attribution.Source.DIAL_LOG, 1L, Attribution.Source.NONE, 2L), r.attribution().bySource());
        assertEquals(Map.of(Attribution.Problem.UNKNOWN_SERVER, 1L, Attribution.Problem.NO_DIAL_STRING, 1L,
                Attribution.Problem.NO_MATCHING_PATTERN, 0L), r.attribution().unattributedBy());
        assertEquals(2, r.byCarrier().get(SeriesKey.carrier("NSVOICE")).attempts(), "manual + call_log-less auto");
        assertEquals(1, r.byCarrier().get(SeriesKey.carrier("BLUELINE")).status("BUSY"));
        CarrierMetrics velox = r.byCarrier().get(SeriesKey.carrier("VELOX"));
        assertEquals(1, velox.dialStatuses().get(CarrierMetrics.NULL_STATUS));
        assertEquals(Map.of(0, 1L), velox.sipCodes());
        assertEquals(0, velox.dialTimeSamples());
        CarrierMetrics unattributed = r.byCarrier().get(SeriesKey.carrier(Attribution.UNATTRIBUTED));
        assertEquals(2, unattributed.attempts());
        assertEquals(Map.entry("CONGESTION", 1L), unattributed.topFailure().orElseThrow());
    }
}
