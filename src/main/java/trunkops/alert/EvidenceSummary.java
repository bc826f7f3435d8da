package trunkops.alert;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import trunkops.text.SafeText;

/**
 * The evidence pack's one-page summary, self-contained HTML (print to PDF from any browser): the window, the call
 * counts, the commonest SIP codes and hangup causes, the first lines of the timeline, the latency chart and what the
 * other files hold. Every text from the cluster is escaped.
 */
final class EvidenceSummary {

    static final int TIMELINE_LINES = 25;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private EvidenceSummary() {
    }

    static String html(EvidencePack.Input in, List<EvidenceCall> samples) {
        List<EvidenceCall> calls = in.calls();
        long answered = calls.stream().filter(c -> c.dialstatus().equals("ANSWER")).count();
        long failures = calls.stream().filter(EvidenceCall::carrierFailure).count();
        StringBuilder b = new StringBuilder(8_192);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Evidence ").append(esc(in.carrierName()))
                .append("</title><style>body{font:13px sans-serif;margin:24px;max-width:1000px}"
                        + "table{border-collapse:collapse;margin:6px 0 14px}td,th{border:1px solid #bbb;padding:2px 6px;"
                        + "text-align:left}th{background:#eee}h1{font-size:18px}h2{font-size:14px;margin:14px 0 4px}"
                        + "</style></head><body>");
        b.append("<h1>Evidence for ").append(esc(in.carrierName())).append(" (").append(esc(in.incident().key()))
                .append(")</h1>");
        b.append("<p>Incident window ").append(UTC.format(in.incident().from())).append(" to ")
                .append(UTC.format(in.incident().to())).append(" (call times below are the dialers' wall clock, ")
                .append(esc(in.databaseZone().getId())).append("). Made by TrunkOps on ").append(esc(in.consoleName()))
                .append(" at ").append(UTC.format(in.made())).append(".</p>");
        b.append("<table><tr><th>calls</th><th>answered</th><th>answer rate</th><th>carrier failures</th>"
                + "<th>share</th></tr><tr><td>").append(calls.size()).append("</td><td>").append(answered)
                .append("</td><td>").append(pct(answered, calls.size())).append("</td><td>").append(failures)
                .append("</td><td>").append(pct(failures, calls.size())).append("</td></tr></table>");
        top(b, "SIP codes", calls, c -> EvidencePack.code(c.sipCode()) + " " + c.sipReason());
        top(b, "Hangup causes", calls, c -> EvidencePack.code(c.hangupCause()) + " / " + c.dialstatus());
        b.append("<h2>Timeline (first ").append(Math.min(TIMELINE_LINES, in.timeline().size())).append(" of ")
                .append(in.timeline().size()).append(" lines; all in timeline.csv)</h2><table><tr><th>time</th>"
                        + "<th>source</th><th>subject</th><th>what</th><th>detail</th></tr>");
        in.timeline().stream().limit(TIMELINE_LINES).forEach(e -> b.append("<tr><td>").append(UTC.format(e.at()))
                .append("</td><td>").append(e.source().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                .append(esc(e.subject())).append("</td><td>").append(esc(e.what())).append("</td><td>")
                .append(esc(e.detail())).append("</td></tr>"));
        b.append("</table><h2>Qualify latency</h2><img src=\"latency.png\" width=\"900\" alt=\"latency chart\">");
        b.append("<h2>Files</h2><ul><li>timeline.csv: every line above and the rest</li><li>sip-codes-per-minute.csv,"
                + " hangup-causes-per-minute.csv: the carrier's calls per minute</li><li>sample-calls.csv: ")
                .append(samples.size()).append(" calls (uniqueid, caller code, time, SIP code), carrier failures first"
                        + "</li><li>latency.csv, latency.png: qualify round trips per trunk</li></ul></body></html>");
        return b.toString();
    }

    private static void top(StringBuilder b, String title, List<EvidenceCall> calls,
                            Function<EvidenceCall, String> key) {
        Map<String, Long> counts = calls.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(6).forEach(e -> top.put(e.getKey(), e.getValue()));
        b.append("<h2>").append(title).append("</h2><table><tr><th>value</th><th>calls</th><th>share</th></tr>");
        top.forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td><td>")
                .append(pct(v, calls.size())).append("</td></tr>"));
        b.append("</table>");
    }

    private static String pct(long n, long of) {
        return of == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }

    static String esc(String s) {
        String d = SafeText.display(s == null ? "" : s);
        StringBuilder b = new StringBuilder(d.length());
        for (char c : d.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
