package trunkops.alert.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import trunkops.alert.AlertCenter;
import trunkops.alert.Silence;
import trunkops.text.SafeText;
import trunkops.ui.common.UiExecutor;

/**
 * The Alerts tab: every alert (newest first) with its state, acknowledge, silence (scope, length and a reason, inline
 * so nothing modal waits), the active silences with "lift", the webhook (address, save, test) and "export evidence
 * for the carrier" of the selected alert's incident. Everything that blocks runs on the {@code background} executor;
 * results come back through {@code ui}.
 */
public final class AlertsView extends BorderPane {

    /** What the view asks of the console (the wiring implements it); the blocking ones run off the FX thread. */
    public interface Actions {
        void acknowledge(long id);

        Silence silence(String scope, Duration length, String reason) throws Exception;

        boolean lift(String silenceId, String reason) throws Exception;

        List<Silence> silences();

        /** Checks and stores the address (keyring); returns the status line. Blocking. */
        String saveWebhook(String url) throws Exception;

        /** Sends a test alert; the future's text is the outcome. */
        CompletableFuture<String> testWebhook();

        /** Desktop notifications on or off (kept in the settings file). */
        void desktopNotifications(boolean on);

        /** The merged timeline of {@code item}'s incident, oldest first. Blocking. */
        List<trunkops.alert.IncidentEvent> incidentTimeline(AlertCenter.Item item) throws Exception;

        /** Writes the evidence pack of {@code item}'s incident to {@code zip}; returns a one-line summary. */
        String exportEvidence(AlertCenter.Item item, Path zip) throws Exception;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
    private static final PseudoClass CRIT = PseudoClass.getPseudoClass("critical");

    final TableView<AlertCenter.Item> table = new TableView<>();
    final ChoiceBox<String> scope = new ChoiceBox<>(FXCollections.observableArrayList("this trunk / subject",
            "the whole carrier", "all alerts"));
    final ChoiceBox<String> length = new ChoiceBox<>(FXCollections.observableArrayList("15 min", "1 h", "4 h", "8 h",
            "24 h"));
    final TextField reason = new TextField();
    final Button ack = new Button("_Acknowledge");
    final Button silence = new Button("_Silence");
    final Button evidence = new Button("_Export evidence for the carrier\u2026");
    final ListView<Silence> silences = new ListView<>();
    final Button timelineButton = new Button("Incident _timeline");
    final ListView<trunkops.alert.IncidentEvent> timeline = new ListView<>();
    final Button lift = new Button("_Lift silence");
    final PasswordField webhookUrl = new PasswordField();
    final Button webhookSave = new Button("Save webhook");
    final Button webhookTest = new Button("_Test webhook");
    final CheckBox desktop = new CheckBox("Desktop notifications");
    final Label status = new Label();
    private Actions actions;
    private Executor background;
    private UiExecutor ui;

    public AlertsView() {
        getStyleClass().add("alerts-view");
        setId("alertsView");
        table.setId("alertsTable");
        scope.setId("silenceScope");
        length.setId("silenceLength");
        reason.setId("silenceReason");
        ack.setId("ackButton");
        silence.setId("silenceButton");
        evidence.setId("evidenceButton");
        silences.setId("silencesList");
        timelineButton.setId("timelineButton");
        timeline.setId("incidentTimeline");
        timeline.setPlaceholder(new Label("Select an alert, then Incident timeline"));
        timeline.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(trunkops.alert.IncidentEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : SafeText.display(TIME.format(e.at()) + "  "
                        + e.source().name().toLowerCase(java.util.Locale.ROOT) + "  " + e.subject() + "  " + e.what()
                        + (e.detail().isEmpty() ? "" : "  (" + e.detail() + ")")));
            }
        });
        lift.setId("liftButton");
        webhookUrl.setId("webhookUrl");
        webhookSave.setId("webhookSave");
        webhookTest.setId("webhookTest");
        desktop.setId("desktopNotify");
        status.setId("alertsStatus");
        status.getStyleClass().add("alerts-status");
        status.setWrapText(true);
        columns();
        scope.getSelectionModel().select(1);
        length.getSelectionModel().select(1);
        reason.setPromptText("reason (required), e.g. carrier ticket CT-123 open");
        webhookUrl.setPromptText("https://… (kept in the OS keyring, never in a file)");
        table.setPlaceholder(new Label("No alerts yet"));
        silences.setPlaceholder(new Label("No silence"));
        silences.setPrefHeight(90);
        silences.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Silence s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : SafeText.display(s.scope() + " until " + TIME.format(s.until())
                        + " by " + s.by() + ": " + s.reason()));
            }
        });
        layoutParts();
        setDisabledUntilConnected(true);
    }

    private void columns() {
        TableColumn<AlertCenter.Item, String> time = col("Time", 120, i -> TIME.format(i.alert().at()));
        TableColumn<AlertCenter.Item, String> sev = col("Severity", 100, i -> i.alert().severity().glyph() + " "
                + i.alert().severity().name().toLowerCase(java.util.Locale.ROOT));
        TableColumn<AlertCenter.Item, String> kind = col("Kind", 120, i -> i.alert().kind().words());
        TableColumn<AlertCenter.Item, String> title = col("Alert", 330, i -> i.alert().title());
        TableColumn<AlertCenter.Item, String> detail = col("Detail", 300, i -> i.alert().detail());
        TableColumn<AlertCenter.Item, String> state = col("State", 170, AlertCenter.Item::stateWords);
        table.getColumns().setAll(List.of(time, sev, kind, title, detail, state));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlertCenter.Item i, boolean empty) {
                super.updateItem(i, empty);
                boolean fresh = !empty && i != null && !i.acknowledged() && i.silencedBy().isEmpty();
                pseudoClassStateChanged(NEW, fresh);
                pseudoClassStateChanged(CRIT, fresh && i.alert().severity()
                        == trunkops.alert.AlertKind.Severity.CRITICAL);
            }
        });
    }

    private static TableColumn<AlertCenter.Item, String> col(String name, double width,
                                                            java.util.function.Function<AlertCenter.Item, String> f) {
        TableColumn<AlertCenter.Item, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(SafeText.display(f.apply(
                d.getValue()))));
        return c;
    }

    private void layoutParts() {
        HBox bar = new HBox(8, ack, new Label("Silence"), scope, new Label("for"), length, reason, silence,
                timelineButton, evidence);
        bar.getStyleClass().add("alerts-toolbar");
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox hook = new HBox(8, new Label("Webhook"), webhookUrl, webhookSave, webhookTest, desktop);
        hook.getStyleClass().add("alerts-toolbar");
        HBox.setHgrow(webhookUrl, Priority.ALWAYS);
        VBox bottom = new VBox(4, new HBox(8, silences, lift), hook, status);
        HBox.setHgrow(silences, Priority.ALWAYS);
        bottom.setPadding(new Insets(4, 10, 6, 10));
        setTop(bar);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table, timeline);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
        setBottom(bottom);
        ack.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        evidence.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        timelineButton.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        silence.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty())
                .and(scope.valueProperty().isNotEqualTo("all alerts")).or(reason.textProperty().isEmpty()));
        lift.disableProperty().bind(Bindings.isNull(silences.getSelectionModel().selectedItemProperty())
                .or(reason.textProperty().isEmpty()));
        webhookSave.disableProperty().bind(webhookUrl.textProperty().isEmpty());
    }

    private void setDisabledUntilConnected(boolean off) {
        getTop().setDisable(off);
        getBottom().setDisable(off);
    }

    /** Connects the buttons. FX thread. */
    public void connect(Actions a, Executor bg, UiExecutor fx, boolean desktopOn) {
        this.actions = a;
        this.background = bg;
        this.ui = fx;
        desktop.setSelected(desktopOn);
        setDisabledUntilConnected(false);
        ack.setOnAction(e -> selected().ifPresent(i -> run(() -> {
            a.acknowledge(i.id());
            return "acknowledged: " + i.alert().title();
        })));
        silence.setOnAction(e -> silenceSelected());
        lift.setOnAction(e -> {
            Silence s = silences.getSelectionModel().getSelectedItem();
            String why = reason.getText();
            run(() -> a.lift(s.id(), why) ? "silence of " + s.scope() + " lifted" : "that silence had ended");
        });
        webhookSave.setOnAction(e -> {
            String url = webhookUrl.getText();
            webhookUrl.clear();
            run(() -> a.saveWebhook(url));
        });
        webhookTest.setOnAction(e -> {
            say("webhook test sent\u2026");
            a.testWebhook().whenComplete((m, x) -> fx.execute(() -> say(x == null ? m : "webhook test: " + x)));
        });
        desktop.setOnAction(e -> {
            boolean on = desktop.isSelected();
            run(() -> {
                a.desktopNotifications(on);
                return "desktop notifications " + (on ? "on" : "off");
            });
        });
        evidence.setOnAction(e -> selected().ifPresent(this::chooseEvidenceFile));
        timelineButton.setOnAction(e -> selected().ifPresent(this::showTimeline));
    }

    private java.util.Optional<AlertCenter.Item> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void silenceSelected() {
        String sc = scope.getValue();
        AlertCenter.Item item = table.getSelectionModel().getSelectedItem();
        String target = sc.equals("all alerts") ? Silence.ALL : item == null ? null : sc.startsWith("the whole")
                ? Silence.carrierScope(item.alert()) : Silence.subjectScope(item.alert());
        Duration d = switch (length.getValue()) {
            case "15 min" -> Duration.ofMinutes(15);
            case "4 h" -> Duration.ofHours(4);
            case "8 h" -> Duration.ofHours(8);
            case "24 h" -> Duration.ofHours(24);
            default -> Duration.ofHours(1);
        };
        String why = reason.getText();
        run(() -> {
            Silence s = actions.silence(target, d, why);
            return "silenced " + s.scope() + " until " + TIME.format(s.until()) + " (journaled)";
        });
        reason.clear();
    }

    private void showTimeline(AlertCenter.Item item) {
        say("gathering the incident's timeline\u2026");
        background.execute(() -> {
            try {
                List<trunkops.alert.IncidentEvent> events = actions.incidentTimeline(item);
                ui.execute(() -> {
                    timeline.getItems().setAll(events);
                    say("incident timeline of " + item.alert().subject() + ": " + events.size() + " lines");
                });
            } catch (Exception x) {
                ui.execute(() -> say("\u2716 " + (x.getMessage() == null ? x.toString() : x.getMessage())));
            }
        });
    }

    private void chooseEvidenceFile(AlertCenter.Item item) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export evidence for the carrier");
        fc.setInitialFileName("evidence-" + item.alert().subject().replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP", "*.zip"));
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportEvidence(item, f.toPath());
        }
    }

    /** Exports {@code item}'s incident to {@code zip} in the background (the button does this after its file dialog). */
    public void exportEvidence(AlertCenter.Item item, Path zip) {
        say("exporting evidence to " + zip.getFileName() + "\u2026");
        run(() -> actions.exportEvidence(item, zip));
    }

    private interface Work {
        String call() throws Exception;
    }

    /** Runs {@code w} in the background; its text or its error goes to the status line. */
    private void run(Work w) {
        background.execute(() -> {
            String m;
            try {
                m = w.call();
            } catch (Exception e) {
                m = "\u2716 " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            String msg = m;
            List<Silence> now = actions.silences();
            ui.execute(() -> {
                say(msg);
                silences.getItems().setAll(now);
            });
        });
    }

    private void say(String m) {
        status.setText(SafeText.display(m));
        status.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"), m.startsWith("\u2716"));
    }

    /** The newest list. FX thread. */
    public void show(List<AlertCenter.Item> items) {
        AlertCenter.Item sel = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(items);
        if (sel != null) {
            items.stream().filter(i -> i.id() == sel.id()).findFirst().ifPresent(i -> table.getSelectionModel()
                    .select(i));
        }
    }

    /** A line on the status bar of the tab. FX thread. */
    public void showStatus(String m) {
        say(m);
    }

    /** The active silences. FX thread. */
    public void showSilences(List<Silence> now) {
        silences.getItems().setAll(now);
    }

    /** The status line's text (tests, screenshots). */
    public String statusText() {
        return status.getText();
    }
}
