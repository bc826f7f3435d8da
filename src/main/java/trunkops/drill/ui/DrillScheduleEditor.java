package trunkops.drill.ui;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import trunkops.drill.DrillPlan;
import trunkops.drill.ScheduleFile;
import trunkops.drill.ScheduledDrill;
import trunkops.text.SafeText;

/**
 * The Drills tab's scheduled drills: the cluster's list, and "Schedule the drill above" — the wizard's route, trunk
 * A, dialer, number, context and calls, with a name, an off-peak window (from, to; local time) and days. Saved to
 * the cluster's schedule file (off the FX thread); the console session runs them when due and publishes the results
 * as alerts.
 */
public final class DrillScheduleEditor extends TitledPane {

    private final ScheduleFile file;
    private final Supplier<Optional<DrillPlan>> wizard;
    private final Executor worker;
    final ListView<ScheduledDrill> list = new ListView<>();
    final TextField name = new TextField();
    final TextField from = new TextField("02:00");
    final TextField to = new TextField("04:00");
    final List<CheckBox> days = new ArrayList<>();
    final Button add = new Button("Schedule the drill above");
    final Button remove = new Button("Remove");
    final Label status = new Label();

    public DrillScheduleEditor(ScheduleFile file, Supplier<Optional<DrillPlan>> wizard, Executor worker) {
        this.file = file;
        this.wizard = wizard;
        this.worker = worker;
        setText("Scheduled drills (off-peak; run by this console while it is open)");
        setId("drillSchedules");
        setExpanded(false);
        list.setId("drillScheduleList");
        name.setId("drillScheduleName");
        add.setId("drillScheduleAdd");
        remove.setId("drillScheduleRemove");
        status.setId("drillScheduleStatus");
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ScheduledDrill s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : SafeText.display(s.describe()));
            }
        });
        list.setPrefHeight(80);
        list.setPlaceholder(new Label("no scheduled drill"));
        name.setPromptText("name, e.g. nightly US-OUT");
        from.setPrefColumnCount(5);
        to.setPrefColumnCount(5);
        HBox dayBoxes = new HBox(6);
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox c = new CheckBox(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            c.setUserData(d);
            c.setSelected(d.getValue() <= 5);
            days.add(c);
            dayBoxes.getChildren().add(c);
        }
        add.setOnAction(e -> add());
        remove.setOnAction(e -> remove());
        HBox form = new HBox(8, new Label("Name"), name, new Label("from"), from, new Label("to"), to, dayBoxes, add,
                remove);
        setContent(new VBox(6, list, form, status));
        worker.execute(this::reload);
    }

    private void add() {
        Optional<DrillPlan> p = wizard.get();
        if (p.isEmpty()) {
            status.setText("✖ choose the route, trunk A and dialer in the wizard above first");
            return;
        }
        LocalTime f;
        LocalTime t;
        try {
            f = LocalTime.parse(from.getText().strip());
            t = LocalTime.parse(to.getText().strip());
        } catch (DateTimeParseException e) {
            status.setText("✖ the window is HH:MM to HH:MM, e.g. 02:00 to 04:00");
            return;
        }
        Set<DayOfWeek> ds = EnumSet.noneOf(DayOfWeek.class);
        days.stream().filter(CheckBox::isSelected).forEach(c -> ds.add((DayOfWeek) c.getUserData()));
        DrillPlan x = p.get();
        ScheduledDrill s = new ScheduledDrill(name.getText().strip(), x.route().name(), x.trunk().trunk(),
                x.serverId(), x.calls(), x.number(), x.context(), f, t, ds);
        if (!s.problems().isEmpty() || list.getItems().stream().anyMatch(o -> o.name().equals(s.name()))) {
            status.setText("✖ " + SafeText.display(s.problems().isEmpty() ? "that name is taken"
                    : String.join("; ", s.problems())));
            return;
        }
        List<ScheduledDrill> next = new ArrayList<>(list.getItems());
        next.add(s);
        save(next, "scheduled: " + s.describe());
    }

    private void remove() {
        ScheduledDrill s = list.getSelectionModel().getSelectedItem();
        if (s != null) {
            List<ScheduledDrill> next = new ArrayList<>(list.getItems());
            next.remove(s);
            save(next, "removed: " + s.name());
        }
    }

    private void save(List<ScheduledDrill> next, String done) {
        worker.execute(() -> {
            try {
                file.save(next);
                Platform.runLater(() -> {
                    list.getItems().setAll(next);
                    status.setText(SafeText.display(done));
                });
            } catch (IOException | IllegalArgumentException e) {
                Platform.runLater(() -> status.setText("✖ not saved: " + SafeText.display(e.getMessage())));
            }
        });
    }

    private void reload() {
        try {
            List<ScheduledDrill> l = file.load();
            Platform.runLater(() -> list.getItems().setAll(l));
        } catch (IOException e) {
            Platform.runLater(() -> status.setText("✖ scheduled drills not read: " + SafeText.display(e.getMessage())));
        }
    }
}
