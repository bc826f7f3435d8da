package trunkops.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report's attempts (one row per Dial of every test call) as RFC 4180 CSV (CRLF, quoted when needed); a cell
 * starting with {@code = + - @} tab or CR gets a leading {@code '} so a spreadsheet shows it as text. The latency
 * summary goes to a second file, {@code <name>-latency.csv}.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String attempts(DrillReport r) {
        return table(ReportTables.ATTEMPT_HEADERS, ReportTables.attempts(r));
    }

    public static String latency(DrillReport r) {
        return table(ReportTables.LATENCY_HEADERS, ReportTables.latency(r));
    }

    /** Writes {@code file} (attempts) and its latency sibling; returns both paths. */
    public static List<Path> write(DrillReport r, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        Path lat = file.resolveSibling(name + "-latency.csv");
        Files.writeString(file, attempts(r), StandardCharsets.UTF_8);
        Files.writeString(lat, latency(r), StandardCharsets.UTF_8);
        return List.of(file, lat);
    }

    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, headers);
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9]+(\\.[0-9]+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
