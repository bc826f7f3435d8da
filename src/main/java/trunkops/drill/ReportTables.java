package trunkops.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report's tables as text cells, shared by the HTML, PDF and CSV exports (one source of numbers). */
public final class ReportTables {

    public static final List<String> ATTEMPT_HEADERS = List.of("call", "phase", "attempt", "trunk", "started_ms",
            "route_dialstatus", "ami_dialend", "sip", "next", "connected", "answered_by", "time_to_answer_ms",
            "skips");
    public static final List<String> LATENCY_HEADERS = List.of("trunk", "samples", "answered", "min_ms", "median_ms",
            "max_ms");

    private ReportTables() {
    }

    /** One row per attempt (a call with none gets one row); started_ms counts from the call's first event. */
    public static List<List<String>> attempts(DrillReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (CallRecord c : r.calls()) {
            String answered = c.answeredBy().orElse("");
            String tta = c.timeToAnswerMs() < 0 ? "" : Long.toString(c.timeToAnswerMs());
            String skips = String.join("; ", c.skips());
            if (c.attempts().isEmpty()) {
                rows.add(List.of(Integer.toString(c.index()), c.phase(), "", "", "", "", "", "", "",
                        Boolean.toString(c.connected()), answered, tta, skips));
            }
            for (CallRecord.Attempt a : c.attempts()) {
                rows.add(List.of(Integer.toString(c.index()), c.phase(), Integer.toString(a.n()), a.trunk(),
                        Long.toString(a.atMs() - c.startMs()), a.dialStatus(), a.amiDialEnd(), a.sipCause(), a.next(),
                        Boolean.toString(c.connected()), answered, tta, skips));
            }
        }
        return rows;
    }

    /** Per trunk: samples, answered probes, min / median / max latency of the answered ones. */
    public static List<List<String>> latency(DrillReport r) {
        Map<String, List<Integer>> by = new TreeMap<>();
        Map<String, Integer> count = new TreeMap<>();
        for (DrillReport.LatencySample s : r.latency()) {
            count.merge(s.trunk(), 1, Integer::sum);
            List<Integer> l = by.computeIfAbsent(s.trunk(), k -> new ArrayList<>());
            if (s.ms() >= 0) {
                l.add(s.ms());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            List<Integer> l = new ArrayList<>(by.get(e.getKey()));
            l.sort(null);
            rows.add(List.of(e.getKey(), Integer.toString(e.getValue()), Integer.toString(l.size()),
                    l.isEmpty() ? "" : Integer.toString(l.get(0)),
                    l.isEmpty() ? "" : Integer.toString(l.get(l.size() / 2)),
                    l.isEmpty() ? "" : Integer.toString(l.get(l.size() - 1))));
        }
        return rows;
    }

    /** The timings and facts, as label / value pairs. */
    public static List<List<String>> summary(DrillReport r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("outcome", r.outcome().name()));
        rows.add(List.of("route", r.route() + " v" + r.version() + " (" + r.strategy() + ")"));
        rows.add(List.of("trunk A", r.trunk() + " on " + r.serverId() + " — " + r.mode()));
        rows.add(List.of("backups", String.join(", ", r.backups())));
        rows.add(List.of("test calls", r.drillCalls().size() + " to " + r.number() + "@" + r.context() + ", "
                + r.drillCalls().stream().filter(CallRecord::connected).count() + " connected; "
                + r.verifyCalls().size() + " verify call(s)"));
        rows.add(List.of("taking A out", ms(r.takeOutMs())));
        rows.add(List.of("time to failover", ms(r.timeToFailoverMs())
                + " (A out → first test call answered on a backup)"));
        rows.add(List.of("mean time to answer with A out", r.meanTimeToAnswerMs().isPresent()
                ? Math.round(r.meanTimeToAnswerMs().getAsDouble()) + " ms (dialer clock)" : "—"));
        rows.add(List.of("restoring A", ms(r.restoreMs())));
        rows.add(List.of("time to recovery", ms(r.timeToRecoveryMs()) + " (A restored → A answered a call)"));
        rows.add(List.of("who, why", r.actor() + ": " + r.reason()));
        rows.add(List.of("started / finished (UTC)", r.started() + " / " + r.finished()));
        return rows;
    }

    static String ms(long v) {
        return v < 0 ? "—" : v + " ms";
    }
}
