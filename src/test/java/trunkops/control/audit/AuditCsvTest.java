package trunkops.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trunkops.control.ControlRequest;

/** CSV export: RFC 4180 quoting and formula injection neutralised. */
class AuditCsvTest {

    @Test
    void cellsAreQuotedWhenTheyMustBe() {
        assertEquals("plain", AuditCsv.cell("plain"));
        assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditCsv.cell("two\nlines"));
        assertEquals("", AuditCsv.cell(null));
    }

    @Test
    void formulasAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AuditCsv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+1", AuditCsv.cell("+1+1"));
        assertEquals("'-2+3", AuditCsv.cell("-2+3"));
        assertEquals("'@SUM(A1)", AuditCsv.cell("@SUM(A1)"));
        assertEquals("\"'=1,2\"", AuditCsv.cell("=1,2"));
        assertEquals("'\tx", AuditCsv.cell("\tx"));
        assertEquals("a=b", AuditCsv.cell("a=b"), "only a leading sign is a formula");
    }

    @Test
    void aJournalExportsOneRowPerEntryAndParsesBack() {
        ControlRequest r = AuditFixtures.offline("blueline", "=cmd|' /C calc'!A0, \"now\"\nplease", "dial1", "dial2");
        AuditEntry done = AuditEntry.begun("id-1", Instant.parse("2026-12-05T07:00:00Z"), AuditFixtures.ALICE, r,
                Map.of("dial1", "", "dial2", "drain:0")).completed(AuditFixtures.mixed(r, "read back drain:0"),
                Instant.parse("2026-12-05T07:00:01Z"));
        AuditEntry open = AuditEntry.begun("id-2", Instant.parse("2026-12-05T07:05:00Z"), AuditFixtures.ALICE,
                AuditFixtures.weight("US", "telco9", 40), Map.of());
        String csv = AuditCsv.toCsv(List.of(done, open));
        List<List<String>> rows = parse(csv);
        assertEquals(3, rows.size());
        assertEquals(AuditCsv.HEADER, rows.get(0));
        Map<String, String> first = row(rows, 1);
        assertEquals("'=cmd|' /C calc'!A0, \"now\"\nplease", first.get("reason"));
        assertEquals("PARTIAL", first.get("outcome"));
        assertEquals("dial1=(no key); dial2=drain:0", first.get("before"));
        assertEquals("dial1=offline:1796461200; dial2=drain:0", first.get("after"));
        assertEquals("dial1 APPLIED; dial2 FAILED: read back drain:0", first.get("results"));
        assertEquals("212", first.get("duration_ms"));
        Map<String, String> second = row(rows, 2);
        assertEquals("UNFINISHED", second.get("outcome"));
        assertEquals("", second.get("completed_utc"));
        assertEquals("40", second.get("value"));
        assertTrue(csv.endsWith("\r\n"));
    }

    private static Map<String, String> row(List<List<String>> rows, int i) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int c = 0; c < AuditCsv.HEADER.size(); c++) {
            m.put(AuditCsv.HEADER.get(c), rows.get(i).get(c));
        }
        return m;
    }

    /** A small RFC 4180 reader, independent of the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }
}
