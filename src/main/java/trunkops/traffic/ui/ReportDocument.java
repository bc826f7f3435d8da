package trunkops.traffic.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import trunkops.text.SafeText;
import trunkops.traffic.CarrierReport;

/**
 * The whole carrier report as text, for the PNG and PDF exports: every row of every table (the summary per
 * carrier, per carrier and dialer, per carrier and campaign, and ViciDial's two tables), whatever the screen
 * shows. Names from the database are escaped ({@link SafeText}); dialers carry their name beside the server_ip.
 */
record ReportDocument(String title, String subtitle, String notes, List<Table> tables) {

    /** One table: headers, rows of cell text, and which rows are the unattributed bucket. */
    record Table(String title, List<String> headers, List<List<String>> rows, List<Boolean> unattributed) {
        Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
            unattributed = List.copyOf(unattributed);
        }
    }

    ReportDocument {
        tables = List.copyOf(tables);
    }

    int rowCount() {
        return tables.stream().mapToInt(t -> t.rows().size()).sum();
    }

    /**
     * @param subtitle   the report's window and dialers, as the view's header says it (already safe to show)
     * @param dialerName server_ip to how it is shown ({@code DIALER1 (10.0.0.11)})
     */
    static ReportDocument of(CarrierReport r, String subtitle, Function<String, String> dialerName) {
        List<Table> tables = new ArrayList<>();
        tables.add(table("Summary per carrier", ReportTables.SUMMARY, ReportTables.summary(r.byCarrier()),
                dialerName));
        tables.add(table("Summary per carrier and dialer", ReportTables.SUMMARY,
                ReportTables.summary(r.byServer()), dialerName));
        tables.add(table("Summary per carrier and campaign", ReportTables.SUMMARY,
                ReportTables.summary(r.byCampaign()), dialerName));
        tables.add(table("Hangup cause x dial status", ReportTables.HANGUP, ReportTables.hangupByStatus(r), null));
        tables.add(table("SIP code x reason", ReportTables.SIP, ReportTables.sip(r), null));
        return new ReportDocument("Carrier report", subtitle, SafeText.display(r.schemaNote()),
                tables);
    }

    private static Table table(String title, List<String> headers, List<ReportTables.Row> rows,
                               Function<String, String> dialerName) {
        int dialer = dialerName == null ? -1 : headers.indexOf("Dialer");
        List<List<String>> cells = new ArrayList<>();
        List<Boolean> unattributed = new ArrayList<>();
        for (ReportTables.Row row : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                Object raw = row.cells().get(i);
                // the dialer is named from the raw server_ip, and the name escaped once
                line.add(i == dialer && raw instanceof String ip && !ip.isEmpty()
                        ? SafeText.display(dialerName.apply(ip)) : ReportTables.text(raw));
            }
            cells.add(line);
            unattributed.add(row.unattributed());
        }
        return new Table(title, headers, cells, unattributed);
    }

    /** The dialer naming of a view that knows the cluster's dialers (server id to server_ip). */
    static Function<String, String> dialerNames(Map<String, String> dialerIps) {
        return ip -> dialerIps.entrySet().stream().filter(e -> e.getValue().equals(ip))
                .map(e -> e.getKey() + " (" + ip + ")").findFirst().orElse(ip);
    }
}
