package trunkops.traffic;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV lines: fields with a comma, quote, CR or LF are quoted, quotes doubled; lines end with CRLF. */
public final class Csv {

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    public void row(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    public void row(Object... fields) throws IOException {
        row(java.util.Arrays.asList(fields));
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Double d ? number(d) : value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A ratio or mean with one decimal, empty when undefined (NaN). */
    static String number(double d) {
        return Double.isNaN(d) ? "" : String.format(java.util.Locale.ROOT, "%.1f", d);
    }
}
