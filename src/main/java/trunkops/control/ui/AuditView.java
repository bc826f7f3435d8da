package trunkops.control.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import trunkops.control.ControlVerb;
import trunkops.control.audit.AuditCsv;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditQuery;
import trunkops.text.SafeText;

/**
 * The Audit tab: the operator actions journal, newest first, with filters (text anywhere, verb, actor, time range),
 * an unfinished entry (begun, never completed: the console stopped between journal and result) marked with
 * {@code ⚠ UNFINISHED} in words and a bar, not colour alone, and CSV export of what the filters show. The journal
 * is read by a {@link Source} on the {@code io} executor, never on the FX thread.
 */
public final class AuditView extends BorderPane {

    /** Reads the entries (blocking); {@link #describe()} names where they come from, for the status line. */
    public interface Source {
        List<AuditEntry> load() throws Exception;

        String describe();
    }

    /** The time range filter. */
    enum Range {
        HOUR("last hour", Duration.ofHours(1)), DAY("last 24 hours", Duration.ofDays(1)),
        WEEK("last 7 days", Duration.ofDays(7)), ALL("everything", null);

        final String words;
        final Duration back;

        Range(String words, Duration back) {
            this.words = words;
            this.back = back;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    private static final String ANY_VERB = "any action";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TextField text = new TextField();
    private final ComboBox<String> verb = new ComboBox<>();
    private final TextField actor = new TextField();
    private final ComboBox<Range> range = new ComboBox<>(FXCollections.observableArrayList(Range.values()));
    private final Button refresh = new Button("Refresh");
    private final Button export = new Button("Export CSV\u2026");
    private final Label status = new Label("Audit: not connected");
    private final TableView<AuditEntry> table = new TableView<>();
    private List<AuditEntry> all = List.of();
    private Source source;
    private Executor io;
    private Executor fx;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.systemDefault();

    public AuditView() {
        getStyleClass().add("audit-view");
        text.setId("auditText");
        text.setPromptText("search: trunk, reason, ticket, dialer\u2026");
        verb.setId("auditVerb");
        verb.getItems().add(ANY_VERB);
        for (ControlVerb v : ControlVerb.values()) {
            verb.getItems().add(v.name());
        }
        verb.setValue(ANY_VERB);
        actor.setId("auditActor");
        actor.setPromptText("actor");
        range.setId("auditRange");
        range.setValue(Range.ALL);
        refresh.setId("auditRefresh");
        export.setId("auditExport");
        status.setId("auditStatus");
        status.getStyleClass().add("audit-status");
        status.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox bar = new HBox(text, verb, actor, range, refresh, export);
        bar.getStyleClass().add("audit-toolbar");
        setTop(new VBox(bar, status));
        table.setId("auditTable");
        table.getStyleClass().add("audit-table");
        table.setPlaceholder(new Label("No journaled actions match."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        columns();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("audit-unfinished");
                if (!empty && e != null && !e.finished()) {
                    getStyleClass().add("audit-unfinished");
                }
            }
        });
        setCenter(table);
        text.textProperty().addListener((o, a, b) -> applyFilter());
        actor.textProperty().addListener((o, a, b) -> applyFilter());
        verb.valueProperty().addListener((o, a, b) -> applyFilter());
        range.valueProperty().addListener((o, a, b) -> applyFilter());
        refresh.setOnAction(e -> refresh());
        export.setOnAction(e -> chooseExport());
        refresh.setDisable(true);
    }

    private void columns() {
        TableColumn<AuditEntry, String> state = column("State", AuditView::stateText, 130);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(x -> x.startsWith("audit-outcome-"));
                setText(empty ? null : s);
                AuditEntry e = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (e != null) {
                    getStyleClass().add("audit-outcome-" + e.outcomeWord().toLowerCase(Locale.ROOT));
                    setTooltip(new Tooltip(e.finished() ? e.outcomeWord() : "Begun " + format(e)
                            + " and never completed: the console stopped between the journal and the result."
                            + " Read the dialers' state on the board before acting again."));
                }
            }
        });
        table.getColumns().add(state);
        table.getColumns().add(column("Started", this::format, 160));
        table.getColumns().add(column("Actor", e -> SafeText.display(e.actor()) + " (" + e.role().word() + ")", 190));
        table.getColumns().add(column("Action", e -> e.verb().name(), 85));
        table.getColumns().add(column("Trunk", e -> SafeText.display(e.trunk()), 120));
        table.getColumns().add(column("Value", this::valueText, 260));
        table.getColumns().add(column("Dialers", e -> e.dialers().isEmpty() ? "every dialer"
                : SafeText.display(String.join(", ", e.dialers())), 120));
        table.getColumns().add(column("Result", AuditView::results, 200));
        table.getColumns().add(column("Reason", e -> SafeText.display(e.reason()), 200));
        table.getColumns().add(column("Ticket", e -> SafeText.display(e.ticket().orElse("")), 80));
        table.getColumns().add(column("Took", e -> e.completion().map(c -> c.took().toMillis() + " ms").orElse(""),
                70));
    }

    private static TableColumn<AuditEntry, String> column(String title, Function<AuditEntry, String> value,
                                                          double width) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 130));
        return c;
    }

    /** {@code offline until 2026-12-05 09:00:00}, {@code drain (no expiry)}, {@code weight 40}, {@code in service}. */
    String valueText(AuditEntry e) {
        return switch (e.verb()) {
            case OFFLINE, DRAIN -> e.verb().name().toLowerCase(Locale.ROOT)
                    + e.until().map(u -> " until " + format(u)).orElse(" (no expiry)");
            case ONLINE -> "in service";
            case WEIGHT -> "weight " + e.valueText() + e.route().map(r -> " in " + SafeText.display(r)).orElse("");
            case MAX_CALLS -> "max calls " + e.valueText() + e.route().map(r -> " in " + SafeText.display(r))
                    .orElse("");
            case REROUTE -> "dial prefix of " + e.route().orElse("").toLowerCase(Locale.ROOT) + " changed";
            case REROUTE_RESTORE -> "dial prefix of " + e.route().orElse("").toLowerCase(Locale.ROOT) + " restored";
            case CARRIER_INACTIVE -> "carrier set inactive (rebuild)";
            case CARRIER_ACTIVE -> "carrier set active (rebuild)";
            case ROUTE_PUSH -> "route pushed (rebuild, read back)";
            case ROUTE_PUSH_STEP -> "push step " + e.route().orElse("");
            case ALERT_SILENCE -> "alerts silenced" + e.until().map(u -> " until " + format(u)).orElse("");
        };
    }

    static String stateText(AuditEntry e) {
        return switch (e.outcomeWord()) {
            case "UNFINISHED" -> "\u26A0 UNFINISHED";
            case "APPLIED" -> "\u2714 applied";
            case "PARTIAL" -> "\u25D0 partial";
            default -> "\u2716 failed";
        };
    }

    private static String results(AuditEntry e) {
        return e.completion().map(c -> c.outcomes().stream().map(o -> SafeText.display(o.serverId()) + " "
                + o.status().name().toLowerCase(Locale.ROOT) + (o.detail().isEmpty() ? ""
                : ": " + SafeText.display(o.detail()))).collect(Collectors.joining("; ")))
                .orElse("no result recorded");
    }

    private String format(AuditEntry e) {
        return format(e.started());
    }

    private String format(java.time.Instant t) {
        return TIME.format(t.atZone(zone));
    }

    /** Reads from {@code source} on {@code io} now and on Refresh; results are shown on {@code fx}. */
    public void connect(Source source, Executor io, Executor fx, Clock clock, ZoneId zone) {
        this.source = source;
        this.io = io;
        this.fx = fx;
        this.clock = clock;
        this.zone = zone;
        refresh.setDisable(false);
        refresh();
    }

    /** Reloads the journal off the FX thread. */
    public void refresh() {
        if (source == null) {
            return;
        }
        Source s = source;
        status.setText("Audit: reading " + s.describe() + "\u2026");
        CompletableFuture.supplyAsync(() -> {
            try {
                return s.load();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io).whenCompleteAsync((entries, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                showProblem("\u2716 Audit could not be read from " + s.describe() + ": " + cause.getMessage());
            } else {
                show(entries, s.describe());
            }
        }, fx);
    }

    /** Shows {@code entries} (FX thread), newest first, through the filters. */
    public void show(List<AuditEntry> entries, String from) {
        all = entries.stream().sorted(Comparator.comparing(AuditEntry::started).reversed()).toList();
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), false);
        long open = all.stream().filter(e -> !e.finished()).count();
        status.setText(all.size() + " journaled action(s) from " + SafeText.display(from)
                + (open == 0 ? "" : "; \u26A0 " + open + " UNFINISHED (begun, never completed)"));
        applyFilter();
    }

    /** A problem with the source, shown in words (FX thread); the entries already shown stay. */
    public void showProblem(String message) {
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), true);
        status.setText(SafeText.display(message));
    }

    /** What the filters let through now (FX thread). */
    public List<AuditEntry> visible() {
        return List.copyOf(table.getItems());
    }

    private AuditQuery query() {
        Range r = range.getValue() == null ? Range.ALL : range.getValue();
        AuditQuery q = AuditQuery.ALL.withText(text.getText()).withActor(actor.getText())
                .withVerb(verb.getValue() == null || verb.getValue().equals(ANY_VERB) ? null
                        : ControlVerb.valueOf(verb.getValue()));
        return r.back == null ? q : q.withSince(clock.instant().minus(r.back));
    }

    private void applyFilter() {
        AuditQuery q = query();
        table.getItems().setAll(all.stream().filter(q::matches).toList());
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit as CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("trunkops-audit.csv");
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Writes what the filters show to {@code file} off the FX thread; the status says where or why not. */
    public CompletableFuture<Path> exportTo(Path file) {
        List<AuditEntry> rows = visible();
        Executor writer = io != null ? io : Runnable::run;
        Executor back = fx != null ? fx : Runnable::run;
        CompletableFuture<Path> done = CompletableFuture.supplyAsync(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                AuditCsv.write(rows, w);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, writer);
        done.whenCompleteAsync((p, failure) -> {
            if (failure != null) {
                showProblem("\u2716 CSV not written to " + file + ": " + (failure.getCause() != null
                        ? failure.getCause().getMessage() : failure.getMessage()));
            } else {
                status.setText(rows.size() + " action(s) exported to " + p);
            }
        }, back);
        return done;
    }
}
