package trunkops.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The drill history: the journal's ended drills (id, route, trunk, outcome, summary) and each report kept beside
 * it as {@code reports/<id>.html} and {@code reports/<id>.csv} (+ latency CSV), so any past report can be opened
 * or exported again.
 */
public final class DrillHistory {

    private static final Pattern ID = Pattern.compile("D[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");

    private final DrillJournal journal;

    public DrillHistory(DrillJournal journal) {
        this.journal = journal;
    }

    /** Keeps a finished drill's report (HTML and CSV). */
    public Path save(DrillReport r) throws IOException {
        Path dir = journal.reportDir();
        Files.createDirectories(dir);
        Path html = dir.resolve(r.id() + ".html");
        Files.writeString(html, ReportHtml.render(r), StandardCharsets.UTF_8);
        ReportCsv.write(r, dir.resolve(r.id() + ".csv"));
        ReportStore.write(r, dir.resolve(r.id() + ".report"));
        return html;
    }

    public List<DrillJournal.Ended> list() throws IOException {
        return journal.history();
    }

    /** The whole report of drill {@code id} as kept by {@link #save} (empty: unknown id, or kept before reports were). */
    public Optional<DrillReport> load(String id) throws IOException {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path p = journal.reportDir().resolve(id + ".report");
        return Files.exists(p) ? Optional.of(ReportStore.read(p)) : Optional.empty();
    }

    /** The saved HTML report of drill {@code id}, when kept. */
    public Optional<Path> report(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path p = journal.reportDir().resolve(id + ".html");
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
}
