package trunkops.traffic;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import trunkops.text.SafeText;

/**
 * RFC 4180 CSV lines: fields with a comma, quote, CR or LF are quoted, quotes doubled; lines end with CRLF. Control
 * characters inside a field are escaped first ({@link SafeText#display}), so every row is one physical line.
 */
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
        // names from the database are data: a control character is written as a visible escape (SafeText), so a
        // cell can neither split a row for a tool that ignores quoting nor carry an ESC sequence to a terminal
        String s = value instanceof Double d ? number(d) : SafeText.display(value.toString());
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
