package trunkops.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the INSERT statements quoted from ViciDial's create script (test resources) into column maps, so tests
 * run on the exact example rows every ViciDial install ships. Understands both forms the script uses:
 * {@code INSERT INTO t SET a='x', b="y";} and {@code INSERT INTO `t`(a,b) VALUES ('x','y');}, with MySQL string
 * escapes.
 */
final class StockRows {

    private StockRows() {
    }

    static List<Map<String, String>> load(String resource) {
        try (InputStream in = StockRows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("INSERT")) {
                    rows.add(parse(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stock carrier with this carrier_id as a CarrierRow (templates resolved against the stock templates). */
    static CarrierRow carrier(String carrierId) {
        Map<String, String> c = load("vicidial-stock-carriers.sql").stream()
                .filter(r -> r.get("carrier_id").equals(carrierId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stock carrier " + carrierId));
        String template = load("vicidial-stock-templates.sql").stream()
                .filter(t -> t.get("template_id").equals(c.get("template_id")))
                .map(t -> t.get("template_contents")).findFirst().orElse("");
        return new CarrierRow(c.get("carrier_id"), c.get("carrier_name"), c.get("carrier_description"),
                c.get("protocol"), c.get("server_ip"), "Y".equals(c.get("active")), c.get("registration_string"),
                c.get("globals_string"), c.get("account_entry"), c.get("dialplan_entry"), template);
    }

    static String template(String templateId) {
        return load("vicidial-stock-templates.sql").stream().filter(t -> t.get("template_id").equals(templateId))
                .map(t -> t.get("template_contents")).findFirst().orElseThrow();
    }

    static Map<String, String> parse(String sql) {
        Map<String, String> row = new LinkedHashMap<>();
        int set = sql.indexOf(" SET ");
        int values = sql.indexOf(" VALUES ");
        if (set >= 0 && (values < 0 || set < values)) {
            Cursor c = new Cursor(sql, set + 5);
            while (c.more()) {
                String name = c.until('=').strip();
                c.pos++;
                row.put(name, c.literal());
                c.skipPast(',');
            }
            return row;
        }
        int open = sql.indexOf('(');
        String[] names = sql.substring(open + 1, sql.indexOf(')', open)).split(",");
        Cursor c = new Cursor(sql, sql.indexOf('(', values) + 1);
        for (String name : names) {
            row.put(name.strip(), c.literal());
            c.skipPast(',');
        }
        return row;
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        boolean more() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == ',')) {
                pos++;
            }
            return pos < s.length() && s.charAt(pos) != ';';
        }

        String until(char stop) {
            int start = pos;
            while (s.charAt(pos) != stop) {
                pos++;
            }
            return s.substring(start, pos);
        }

        void skipPast(char sep) {
            while (pos < s.length() && s.charAt(pos) != sep && s.charAt(pos) != ';' && s.charAt(pos) != ')') {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == sep) {
                pos++;
            }
        }

        /** A MySQL string literal in single or double quotes, with backslash escapes and doubled quotes. */
        String literal() {
            while (s.charAt(pos) == ' ') {
                pos++;
            }
            char q = s.charAt(pos++);
            if (q != '\'' && q != '"') {
                throw new IllegalArgumentException("expected a string literal at " + pos + ": " + s);
            }
            StringBuilder out = new StringBuilder();
            while (true) {
                char ch = s.charAt(pos++);
                if (ch == '\\') {
                    char e = s.charAt(pos++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case '0' -> '\0';
                        default -> e;
                    });
                } else if (ch == q) {
                    if (pos < s.length() && s.charAt(pos) == q) {
                        out.append(q);
                        pos++;
                    } else {
                        return out.toString();
                    }
                } else {
                    out.append(ch);
                }
            }
        }
    }
}
