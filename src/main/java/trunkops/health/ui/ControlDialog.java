package trunkops.health.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.health.BoardSnapshot;
import trunkops.health.ControlPlan;
import trunkops.health.TrunkView;
import trunkops.health.UntilText;
import trunkops.text.SafeText;
import trunkops.topology.RouteImpact;
import trunkops.topology.Trunk;
import trunkops.ui.common.UiExecutor;

/**
 * The confirmation of an offline / drain / online: verb + target in the title and on the confirm button, the
 * dialers, the impact (campaigns that lose capacity or their last live trunk, from the board's blast radius), a
 * required reason, optional ticket and until. Confirm stays disabled until the operator has typed the target's
 * name (the peer, or the carrier for a whole carrier): a reason can be typed for the wrong row, a name cannot.
 * When a campaign would be left with no live trunk it is refused unless the override is ticked. While the action
 * runs the dialog shows progress; then the result per dialer, and it offers only Close.
 */
public final class ControlDialog extends Dialog<Void> {

    /** Sends the requests (off the FX thread) and completes with their results. */
    public interface Runner {
        CompletableFuture<List<ControlResult>> run(List<ControlRequest> requests);
    }

    private final BoardSnapshot board;
    private final ControlVerb verb;
    private final TrunkView picked;
    private final Runner runner;
    private final Supplier<String> actor;
    private final Supplier<Instant> clock;
    private final Consumer<List<ControlResult>> onResults;
    private final ButtonType confirmType = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);
    private final Label title = new Label();
    private final Label dialers = new Label();
    private final ToggleGroup scopes = new ToggleGroup();
    private final ListView<String> impact = new ListView<>();
    private final TextField reason = new TextField();
    private final TextField ticket = new TextField();
    private final TextField until = new TextField();
    private final Label confirmHint = new Label();
    private final TextField confirmName = new TextField();
    private final CheckBox override = new CheckBox();
    private final Label problems = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final ListView<String> results = new ListView<>();
    private final VBox form;
    private ControlPlan plan;
    /** Why this person may not do this verb (their role), shown and blocking confirm; empty = allowed. */
    private final Optional<String> refusal;

    public ControlDialog(BoardSnapshot board, ControlVerb verb, TrunkView picked, ControlPlan.Scope scope,
                         Runner runner, Supplier<String> actor, Supplier<Instant> clock,
                         Consumer<List<ControlResult>> onResults, Optional<String> refusal) {
        this.refusal = refusal;
        this.board = board;
        this.verb = verb;
        this.picked = picked;
        this.runner = runner;
        this.actor = actor;
        this.clock = clock;
        this.onResults = onResults;
        setTitle(switch (verb) {
            case OFFLINE -> "Force trunk offline";
            case DRAIN -> "Drain trunk";
            default -> "Put trunk back online";
        });
        getDialogPane().getStyleClass().add("control-dialog");
        getDialogPane().setId("controlDialog");
        getDialogPane().getButtonTypes().addAll(confirmType, ButtonType.CANCEL);
        title.setId("controlTitle");
        title.getStyleClass().add("control-title");
        title.setWrapText(true);
        dialers.setId("controlDialers");
        dialers.setWrapText(true);
        HBox scopeRow = new HBox(12, radio("scopeDialer", ControlPlan.Scope.DIALER, "this dialer ("
                + SafeText.display(picked.serverId()) + ")", scope), radio("scopeEvery",
                ControlPlan.Scope.EVERY_DIALER, "every dialer that has " + SafeText.display(picked.peer()), scope),
                radio("scopeCarrier", ControlPlan.Scope.CARRIER, "whole carrier "
                        + SafeText.display(picked.carrierId()), scope));
        impact.setId("controlImpact");
        impact.setPrefHeight(110);
        impact.setPlaceholder(new Label(verb == ControlVerb.ONLINE ? "Online adds capacity: no campaign loses any"
                : "No campaign route loses capacity"));
        field(reason, "controlReason", "why (required): goes to the audit journal");
        field(ticket, "controlTicket", "ticket (optional)");
        field(until, "controlUntil", "until (optional): 14:30, 2026-12-06 14:30, +90m, +2h");
        field(confirmName, "controlConfirmName", "");
        override.setId("controlOverride");
        problems.setId("controlProblems");
        problems.getStyleClass().add("control-problems");
        problems.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Reason"), reason);
        grid.addRow(1, new Label("Ticket"), ticket);
        if (verb != ControlVerb.ONLINE) {
            grid.addRow(2, new Label("Until"), until);
        }
        grid.addRow(3, confirmHint, confirmName);
        form = new VBox(8, scopeRow, dialers, new Label("Impact"), impact, grid, override);
        progress.setId("controlProgress");
        progress.setVisible(false);
        progress.setManaged(false);
        progress.setPrefSize(28, 28);
        results.setId("controlResults");
        results.setPrefHeight(130);
        results.setVisible(false);
        results.setManaged(false);
        VBox content = new VBox(10, title, form, problems, progress, results);
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        Button confirm = confirmButton();
        confirm.setId("controlConfirm");
        confirm.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: progress, then the result per dialer
            send();
        });
        scopes.selectedToggleProperty().addListener((o, was, now) -> replan());
        for (TextField f : List.of(reason, ticket, until, confirmName)) {
            f.textProperty().addListener((o, was, now) -> validate());
        }
        override.selectedProperty().addListener((o, was, now) -> validate());
        replan();
    }

    private RadioButton radio(String id, ControlPlan.Scope s, String text, ControlPlan.Scope selected) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setUserData(s);
        r.setToggleGroup(scopes);
        r.setSelected(s == selected);
        return r;
    }

    private static void field(TextField f, String id, String prompt) {
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(36);
    }

    private Button confirmButton() {
        return (Button) getDialogPane().lookupButton(confirmType);
    }

    /** The plan for the chosen scope: title, dialers, impact, the name to type. */
    private void replan() {
        ControlPlan.Scope s = (ControlPlan.Scope) scopes.getSelectedToggle().getUserData();
        plan = ControlPlan.of(board, verb, picked, s);
        title.setText(SafeText.display(plan.title()));
        confirmButton().setText(SafeText.display(plan.title()));
        dialers.setText("Dialers: " + SafeText.display(String.join(", ", plan.serverIds())) + " \u2014 "
                + plan.trunks().size() + " trunk(s)");
        impact.setItems(FXCollections.observableArrayList(plan.impacts().stream().map(this::impactLine).toList()));
        confirmHint.setText("Type " + SafeText.display(plan.targetName()) + " to confirm");
        confirmName.setPromptText(SafeText.display(plan.targetName()));
        boolean needsOverride = !plan.leavesNone().isEmpty();
        override.setText("Override: leave " + plan.leavesNone().size() + " campaign route(s) with no live trunk");
        override.setVisible(needsOverride);
        override.setManaged(needsOverride);
        if (!needsOverride) {
            override.setSelected(false);
        }
        validate();
    }

    private String impactLine(RouteImpact r) {
        boolean none = plan.leavesNone().contains(r);
        String trunks = r.downTrunks().stream().map(Trunk::name).distinct().reduce((a, b) -> a + ", " + b)
                .orElse("");
        String what = none ? "\u2716 no live trunk left: " : !r.lost() ? "\u25B2 loses capacity: "
                : r.route().dialing() ? "\u2716 already none live: " : "\u25CB paused, no trunk left: ";
        return SafeText.display(what + r.campaignId() + r.route().list().map(l -> " list " + l.listId())
                .orElse("") + " on " + r.serverId() + " via " + r.route().carrierId().orElse("?") + " (not live: "
                + trunks + ", " + (r.route().trunks().size() - r.downTrunks().size()) + " of "
                + r.route().trunks().size() + " left)");
    }

    /** Every reason the confirm button is disabled, in words; none = enabled. */
    private List<String> problemsNow() {
        Instant now = clock.get();
        List<String> out = new ArrayList<>();
        refusal.ifPresent(r -> out.add("refused: " + r));
        Optional<Instant> end = Optional.empty();
        try {
            end = UntilText.parse(verb == ControlVerb.ONLINE ? "" : until.getText(), ZoneId.systemDefault(), now);
        } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
        }
        out.addAll(plan.problems(reason.getText(), end, now));
        if (!confirmName.getText().strip().equals(plan.targetName())) {
            out.add("type " + plan.targetName() + " to confirm the target");
        }
        if (!plan.leavesNone().isEmpty() && !override.isSelected()) {
            out.add("refused: " + plan.leavesNone().size() + " campaign route(s) would have no live trunk left;"
                    + " tick the override only if that is what you mean");
        }
        return out;
    }

    private void validate() {
        List<String> p = problemsNow();
        problems.setText(SafeText.display(String.join("\n", p)));
        confirmButton().setDisable(!p.isEmpty());
    }

    private void send() {
        if (!problemsNow().isEmpty()) {
            return;
        }
        Optional<Instant> end = verb == ControlVerb.ONLINE ? Optional.empty()
                : UntilText.parse(until.getText(), ZoneId.systemDefault(), clock.get());
        List<ControlRequest> requests = plan.requests(reason.getText(), Optional.of(ticket.getText()), end,
                actor.get());
        form.setDisable(true);
        confirmButton().setDisable(true);
        problems.setText("Sending to " + plan.serverIds().size() + " dialer(s)\u2026");
        progress.setVisible(true);
        progress.setManaged(true);
        CompletableFuture<List<ControlResult>> f;
        try {
            f = runner.run(requests);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((rs, e) -> UiExecutor.fx().execute(() -> done(rs, e)));
    }

    private void done(List<ControlResult> rs, Throwable e) {
        progress.setVisible(false);
        progress.setManaged(false);
        List<String> lines = new ArrayList<>();
        if (e != null) {
            lines.add("\u2716 not sent: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } else {
            rs.forEach(r -> r.outcomes().forEach(o -> lines.add(line(r, o))));
        }
        results.setItems(FXCollections.observableArrayList(lines.stream().map(SafeText::display).toList()));
        results.setVisible(true);
        results.setManaged(true);
        boolean all = e == null && rs.stream().allMatch(ControlResult::allApplied);
        problems.setText(all ? "\u2714 applied and read back on every dialer" : "\u2716 not applied everywhere:"
                + " see below (the board re-reads the flags now)");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        onResults.accept(e == null ? rs : List.of());
    }

    static String line(ControlResult r, DialerOutcome o) {
        String what = r.request().trunk() + " on " + o.serverId();
        return switch (o.status()) {
            case APPLIED -> "\u2714 " + what + ": applied";
            case FAILED -> "\u2716 " + what + ": failed: " + o.detail();
            case UNREACHABLE -> "? " + what + ": unreachable" + (o.detail().isEmpty() ? "" : ": " + o.detail());
        };
    }

    /** The result lines shown (for tests and the notification). */
    public List<String> resultLines() {
        return List.copyOf(results.getItems());
    }
}
