package trunkops.traffic;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * CSV exports of the carrier report and of chart series. The report export is one tidy table: a row per carrier,
 * dialer, campaign and outcome (dial status, Q.850 cause, SIP code, SIP reason) with its call count, so any pivot
 * reproduces ViciDial's two tables per carrier; a summary export has one row per carrier.
 */
public final class ReportCsv {

    public static final List<String> OUTCOME_HEADER = List.of("window_start", "window_end", "carrier_id",
            "server_ip", "dialer", "campaign", "dialstatus", "hangup_cause", "sip_hangup_cause", "sip_hangup_reason", "calls");
    public static final List<String> SUMMARY_HEADER = List.of("window_start", "window_end", "carrier_id",
            "attempts", "answered", "asr_pct", "ner_pct", "failures", "carrier_failures", "top_failure",
            "dial_time_mean_s", "dial_time_p90_s");
    public static final List<String> SERIES_HEADER = List.of("bucket_start", "bucket", "carrier_id", "server_ip",
            "campaign", "attempts", "answered", "asr_pct", "ner_pct", "carrier_failures", "dial_time_mean_s",
            "dial_time_p90_s");

    private ReportCsv() {
    }

    /** The tidy outcome table of {@code report}, without dialer names (the {@code dialer} column stays empty). */
    public static void outcomes(CarrierReport report, Writer w) throws IOException {
        outcomes(report, Map.of(), w);
    }

    /**
     * The tidy outcome table of {@code report}: carrier x dialer x campaign x outcome; {@code dialerByIp} names each
     * server_ip ({@code servers.server_id}) in the {@code dialer} column beside it.
     */
    public static void outcomes(CarrierReport report, Map<String, String> dialerByIp, Writer w) throws IOException {
        Csv csv = new Csv(w);
        csv.row(OUTCOME_HEADER);
        for (Map.Entry<SeriesKey, CarrierMetrics> e : report.detail().entrySet()) {
            SeriesKey k = e.getKey();
            for (Map.Entry<CarrierMetrics.OutcomeKey, Long> o : e.getValue().outcomes().entrySet()) {
                CarrierMetrics.OutcomeKey ok = o.getKey();
                csv.row(report.from(), report.to(), k.carrierId(), k.serverIp(),
                        k.serverIp() == null ? "" : dialerByIp.getOrDefault(k.serverIp(), ""), k.campaign(),
                        ok.dialstatus(),
                        ok.hangupCause() < 0 ? "" : ok.hangupCause(), ok.sipCode() < 0 ? "" : ok.sipCode(),
                        ok.sipReason(), o.getValue());
            }
        }
        w.flush();
    }

    /** One row per carrier of {@code report}. */
    public static void summary(CarrierReport report, Writer w) throws IOException {
        Csv csv = new Csv(w);
        csv.row(SUMMARY_HEADER);
        for (Map.Entry<SeriesKey, CarrierMetrics> e : report.byCarrier().entrySet()) {
            CarrierMetrics m = e.getValue();
            csv.row(report.from(), report.to(), e.getKey().carrierId(), m.attempts(), m.answered(), m.asr(), m.ner(),
                    m.failures(), m.carrierFailures(),
                    m.topFailure().map(f -> f.getKey() + ":" + f.getValue()).orElse(""), m.dialTimeMean(),
                    m.dialTimeP90());
        }
        w.flush();
    }

    /** Every point of every series. */
    public static void series(List<MetricsSeries> series, Writer w) throws IOException {
        Csv csv = new Csv(w);
        csv.row(SERIES_HEADER);
        for (MetricsSeries s : series) {
            for (MetricsSeries.Point p : s.points()) {
                CarrierMetrics m = p.metrics();
                csv.row(p.start(), s.bucket().label(), s.key().carrierId(), s.key().serverIp(), s.key().campaign(),
                        m.attempts(), m.answered(), m.asr(), m.ner(), m.carrierFailures(), m.dialTimeMean(),
                        m.dialTimeP90());
            }
        }
        w.flush();
    }
}
