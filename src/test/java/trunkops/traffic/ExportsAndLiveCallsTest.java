package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trunkops.db.CarrierLogRepository;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;

/** CSV quoting and layout, and live calls per trunk from live_channels. */
class ExportsAndLiveCallsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 26, 10, 0);

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"503\"\"\"", Csv.field("say \"503\""));
        assertEquals("two\\nlines", Csv.field("two\nlines"), "a control character is escaped, the row stays one line");
        assertEquals("\"x,\\x1b[31mred\\r\"", Csv.field("x,\u001b[31mred\r"), "escaped and still quoted");
        assertEquals("Téléphonie", Csv.field("Téléphonie"), "UTF-8 names are kept");
        assertEquals("", Csv.field(null));
        assertEquals("31.3", Csv.field(31.25));
        assertEquals("", Csv.field(Double.NaN), "an undefined ratio is empty, not NaN");
    }

    @Test
    void theReportExportsAreTidyTables() throws Exception {
        CarrierMetrics m = new CarrierMetrics(3, 1, Map.of(
                new CarrierMetrics.OutcomeKey("ANSWER", 16, 200, "OK"), 1L,
                new CarrierMetrics.OutcomeKey("CONGESTION", 34, 503, "Service Unavailable, retry"), 2L),
                3, 4.0, 7.0, true);
        SeriesKey detail = new SeriesKey("NSVOICE", "192.0.2.11", "RENEW|SALES");
        CarrierReport report = new CarrierReport(T, T.plusHours(1), List.of(), m, Map.of(SeriesKey.carrier("NSVOICE"),
                m), Map.of(), Map.of(), Map.of(detail, m), new AttributionStats(Map.of(), Map.of()), "");
        StringWriter outcomes = new StringWriter();
        ReportCsv.outcomes(report, Map.of("192.0.2.11", "DIALER1"), outcomes);
        assertEquals(String.join("\r\n", String.join(",", ReportCsv.OUTCOME_HEADER),
                "2026-11-26T10:00,2026-11-26T11:00,NSVOICE,192.0.2.11,DIALER1,RENEW|SALES,CONGESTION,34,503,"
                        + "\"Service Unavailable, retry\",2",
                "2026-11-26T10:00,2026-11-26T11:00,NSVOICE,192.0.2.11,DIALER1,RENEW|SALES,ANSWER,16,200,OK,1", ""),
                outcomes.toString());
        assertTrue(ReportCsv.OUTCOME_HEADER.indexOf("dialer") == ReportCsv.OUTCOME_HEADER.indexOf("server_ip") + 1,
                "the dialer's name beside its server_ip");
        StringWriter summary = new StringWriter();
        ReportCsv.summary(report, summary);
        assertEquals(String.join(",", ReportCsv.SUMMARY_HEADER) + "\r\n"
                + "2026-11-26T10:00,2026-11-26T11:00,NSVOICE,3,1,33.3,33.3,2,2,CONGESTION:2,4.0,7.0\r\n",
                summary.toString());
        StringWriter series = new StringWriter();
        ReportCsv.series(List.of(new MetricsSeries(SeriesKey.carrier("NSVOICE"), BucketSize.ONE_MINUTE,
                List.of(new MetricsSeries.Point(T, m), new MetricsSeries.Point(T.plusMinutes(1),
                        CarrierMetrics.EMPTY)))), series);
        String[] lines = series.toString().split("\r\n");
        assertEquals(3, lines.length);
        assertEquals("2026-11-26T10:01,1 min,NSVOICE,,,0,0,,,0,,", lines[2], "an empty bucket has no ratios");
    }

    @Test
    void liveChannelsBecomeCallsPerTrunkAndNothingIsDropped() {
        List<CarrierLogRepository.LiveChannel> channels = List.of(
                new CarrierLogRepository.LiveChannel(TestTopology.D1, "SIP/nsvoice-0000002a"),
                new CarrierLogRepository.LiveChannel(TestTopology.D1, "SIP/NSVoice-0000002b"),
                new CarrierLogRepository.LiveChannel(TestTopology.D2, "SIP/orbit-east-0000002c"),
                new CarrierLogRepository.LiveChannel(TestTopology.D1, "SIP/orbit-east-0000002d"),
                new CarrierLogRepository.LiveChannel(TestTopology.D1, "IAX2/DIALER2-1234"),
                new CarrierLogRepository.LiveChannel(TestTopology.D1, "Local/912025550143@default-00000001;2"),
                new CarrierLogRepository.LiveChannel(TestTopology.D1, "garbage"));
        LiveTrunkCalls live = LiveTrunkCalls.of(T, channels, TestTopology.build());
        assertEquals(2, live.byTrunk().get(new TrunkKey("D1", Tech.SIP, "nsvoice")),
                "chan_sip peer names are case-insensitive");
        assertEquals(1, live.byTrunk().get(new TrunkKey("D2", Tech.SIP, "orbit-east")), "peer names with dashes");
        assertEquals(Map.of("NSVOICE", 2, "ORBIT", 1), live.byCarrier());
        assertEquals(Map.of("SIP/orbit-east", 1, "IAX2/DIALER2", 1), live.unmatched(),
                "orbit-east is no trunk on D1; the inter-server IAX loop is no carrier");
        assertEquals(3, live.total());
        assertTrue(live.busiest().get(0).getKey().peer().equals("nsvoice"));
        assertEquals(2, live.busiest().size(), "busiest: only trunks with calls");
        assertTrue(live.byTrunk().entrySet().stream().anyMatch(e -> e.getValue() == 0),
                "an idle trunk is counted with 0 calls, not left out");
        assertEquals(TestTopology.build().trunks().size(), live.byTrunk().size(), "every trunk of the topology");
    }
}
