package trunkops.control.audit;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import trunkops.control.DialerOutcome;

/**
 * The audit as CSV (RFC 4180: comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled). A
 * spreadsheet must not run what an operator typed as a reason: a cell starting with {@code = + - @}, tab or CR is
 * prefixed with {@code '} (OWASP's CSV-injection advice), so it shows as text.
 */
public final class AuditCsv {

    public static final List<String> HEADER = List.of("id", "started_utc", "completed_utc", "duration_ms", "outcome",
            "actor", "os_user", "console_host", "cluster", "role", "verb", "trunk", "route", "value", "until_utc", "dialers",
            "before", "after", "results", "reason", "ticket");

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, Appendable out) throws IOException {
        row(HEADER, out);
        for (AuditEntry e : entries) {
            row(fields(e), out);
        }
    }

    public static String toCsv(List<AuditEntry> entries) {
        StringBuilder b = new StringBuilder();
        try {
            write(entries, b);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    static List<String> fields(AuditEntry e) {
        var c = e.completion();
        return List.of(e.id(), e.started().toString(), c.map(x -> x.at().toString()).orElse(""),
                c.map(x -> Long.toString(x.took().toMillis())).orElse(""), e.outcomeWord(), e.actor(), e.osUser(),
                e.host(), e.cluster(), e.role().word(), e.verb().name(), e.trunk(), e.route().orElse(""),
                e.value().isPresent() ? Integer.toString(e.value().getAsInt()) : "",
                e.until().map(Object::toString).orElse(""), String.join(" ", e.dialers()), perDialer(e.before()),
                c.map(x -> perDialer(x.after())).orElse(""),
                c.map(x -> x.outcomes().stream().map(AuditCsv::result).collect(Collectors.joining("; ")))
                        .orElse(""), e.reason(), e.ticket().orElse(""));
    }

    private static String perDialer(Map<String, String> m) {
        return new java.util.TreeMap<>(m).entrySet().stream()
                .map(x -> x.getKey() + "=" + (x.getValue().isEmpty() ? "(no key)" : x.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String result(DialerOutcome o) {
        return o.serverId() + " " + o.status() + (o.detail().isEmpty() ? "" : ": " + o.detail());
    }

    private static void row(List<String> fields, Appendable out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** One field, neutralised against formula injection and quoted when it has to be. */
    public static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
