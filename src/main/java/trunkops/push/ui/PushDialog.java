package trunkops.push.ui;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.push.PushException;
import trunkops.push.PushReport;
import trunkops.push.RouterRow;
import trunkops.routing.RouteVersion;
import trunkops.text.SafeText;
import trunkops.ui.common.UiExecutor;

/**
 * The push window of one route version (a push of the latest, or a rollback to an earlier one): the review first
 * (side-by-side diff per dialer, lint, why the push is off), then, once confirmed, the running job with its
 * progress and per-dialer table, the outcome as a notification, and the three-way view when the push stopped
 * because the live row changed. The database and AMI work runs on {@code io} and {@code job}, never on the FX thread;
 * the job's steps are reduced there and the newest snapshot reaches the FX thread once per pending update.
 * Id of the window's root: {@code pushDialog}.
 */
final class PushDialog {

    private static final Logger LOG = LoggerFactory.getLogger(PushDialog.class);

    private final PushBackend backend;
    private final Executor io;
    private final Executor job;
    private final UiExecutor ui;
    private final RouteVersion version;
    private final Optional<RouteVersion> rollbackFrom;
    private final Stage stage = new Stage();
    private final StackPane root = new StackPane();
    private final ReviewPane review = new ReviewPane();
    private final RunPane run = new RunPane();
    private final PushBackend.CancelSwitch cancel = new PushBackend.CancelSwitch();
    private final AtomicReference<PushProgress.Snapshot> pending = new AtomicReference<>();
    private boolean running;
    private PushBackend.Prepared prepared;
    private Runnable onEnd = () -> { };

    PushDialog(PushBackend backend, Executor io, Executor job, UiExecutor ui, RouteVersion version,
               Optional<RouteVersion> rollbackFrom) {
        this.backend = backend;
        this.io = io;
        this.job = job;
        this.ui = ui;
        this.version = version;
        this.rollbackFrom = rollbackFrom;
    }

    Stage stage() {
        return stage;
    }

    boolean running() {
        return running;
    }

    /** Shows the window over {@code owner} and reads the change set; {@code onEnd} runs when it is closed. */
    void open(Window owner, Runnable whenClosed) {
        onEnd = whenClosed;
        root.setId("pushDialog");
        root.getStyleClass().add("push-dialog");
        root.getChildren().setAll(review);
        javafx.geometry.Rectangle2D screen = screenOf(owner);
        double w = Math.min(1180, screen.getWidth() - 40);
        double h = Math.min(700, screen.getHeight() - 40);
        Scene scene = new Scene(root, w, h);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        // Esc closes the window unless a job runs (tables and lists would otherwise swallow it)
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !running) {
                e.consume();
                stage.close();
            }
        });
        stage.setTitle(title());
        stage.setOnCloseRequest(e -> {
            if (running) {
                e.consume(); // the job is not abandoned: Cancel rolls it back, the window closes after
                run.start(title() + " \u2014 still running: Cancel rolls it back; close the window once it ended");
            }
        });
        stage.setOnHidden(e -> onEnd.run());
        review.close.setOnAction(e -> stage.close());
        review.confirm.setOnAction(e -> confirmed());
        run.cancel.setOnAction(e -> {
            cancel.cancel();
            run.cancelling();
        });
        run.close.setOnAction(e -> stage.close());
        review.loading("Reading the live row of " + SafeText.display(version.name()) + " and the dialers\u2026");
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - h) / 2 - 10));
        stage.show();
        prepare();
    }

    /** The visual bounds of the screen the owner is on (the whole window must be reachable). */
    private static javafx.geometry.Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            var on = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1,
                    owner.getWidth()), Math.max(1, owner.getHeight()));
            if (!on.isEmpty()) {
                return on.get(0).getVisualBounds();
            }
        }
        return javafx.stage.Screen.getPrimary().getVisualBounds();
    }

    private String title() {
        return rollbackFrom.map(latest -> "Roll back " + version.name() + " to v" + version.version() + " (latest v"
                + latest.version() + ")").orElse("Push " + version.name() + " v" + version.version());
    }

    private void prepare() {
        io.execute(() -> {
            try {
                PushBackend.Prepared p = backend.prepare(version);
                Optional<String> refusal = backend.refusal();
                ui.execute(() -> shown(p, refusal));
            } catch (PushException | RuntimeException e) {
                LOG.warn("push of {} not prepared: {}", version.marker(), e.toString());
                ui.execute(() -> review.failed("\u2716 Could not read what is live: "
                        + SafeText.display(String.valueOf(e.getMessage()))));
            }
        });
    }

    private void shown(PushBackend.Prepared p, Optional<String> refusal) {
        prepared = p;
        String who = SafeText.display(version.author());
        String heading = rollbackFrom.map(latest -> "Roll back " + SafeText.display(version.name()) + " to v"
                + version.version() + " (saved by " + who + ": " + SafeText.display(version.comment()) + "). The latest"
                + " saved version, v" + latest.version() + ", stays in the history; this writes v" + version.version()
                + "'s dialplan to the dialers below, canary first, verified by read-back.")
                .orElse("Push " + SafeText.display(version.name()) + " v" + version.version() + " (saved by " + who
                        + ") to " + p.change().dialers().size() + " dialer(s): what each generates now beside what"
                        + " will be written.");
        String verb = rollbackFrom.isPresent() ? "Roll _back to v" + version.version() + " on"
                : "_Push v" + version.version() + " to";
        review.show(p, heading, verb, refusal);
        stage.requestFocus();
        if (!review.confirm.isDisabled()) {
            review.confirm.requestFocus();
        } else {
            review.focusDiff(); // keyboard users read the diff; Esc closes
        }
    }

    private void confirmed() {
        PushBackend.Prepared p = prepared;
        if (p == null || running) {
            return;
        }
        running = true;
        root.getChildren().setAll(run);
        run.start(title() + ": " + p.change().dialers().size() + " dialer(s), canary "
                + SafeText.display(p.canary().serverId()) + " first");
        run.meaning(version.version(), rollbackFrom.isPresent());
        run.cancel.requestFocus();
        PushProgress model = new PushProgress(p.change().dialers(), backend.reloadTimeout());
        run.show(model.snapshot());
        job.execute(() -> {
            PushReport report;
            try {
                report = backend.run(p, step -> {
                    model.step(step);
                    offer(model.snapshot());
                }, cancel);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                report = new PushReport(PushReport.Outcome.FAILED, java.util.List.of(), "interrupted: the console"
                        + " is closing; check the route with a new push");
            } catch (RuntimeException e) {
                LOG.error("push of {} failed", version.marker(), e);
                report = new PushReport(PushReport.Outcome.FAILED, java.util.List.of(), "failed: " + e.getMessage());
            }
            model.finished(report);
            PushReport r = report;
            PushProgress.Snapshot last = model.snapshot();
            pending.set(null);
            ui.execute(() -> ended(last, r));
        });
    }

    /** The newest snapshot wins; at most one hop to the FX thread is pending at a time. */
    private void offer(PushProgress.Snapshot s) {
        if (pending.getAndSet(s) == null) {
            ui.execute(() -> {
                PushProgress.Snapshot now = pending.getAndSet(null);
                if (now != null && running) {
                    run.show(now);
                }
            });
        }
    }

    private void ended(PushProgress.Snapshot last, PushReport r) {
        running = false;
        run.show(last);
        notifyOutcome(r);
        if (r.outcome() == PushReport.Outcome.STOPPED_CHANGED) {
            String carrier = prepared.change().target().carrierId();
            io.execute(() -> {
                try {
                    Optional<RouterRow> now = backend.live(carrier);
                    ui.execute(() -> threeWay(ThreeWay.of(prepared.change().live(), now, prepared.change().target())));
                } catch (PushException | RuntimeException e) {
                    ui.execute(() -> run.below.getChildren().setAll(new javafx.scene.control.Label(
                            "\u2716 The live row could not be read for the comparison: "
                                    + SafeText.display(String.valueOf(e.getMessage())))));
                }
            });
        }
    }

    private void threeWay(ThreeWay t) {
        ScrollPane s = new ScrollPane(new ThreeWayPane(t));
        s.setFitToWidth(true);
        s.setPrefViewportHeight(330);
        run.below.getChildren().setAll(s);
    }

    private void notifyOutcome(PushReport r) {
        boolean good = r.outcome() == PushReport.Outcome.PUSHED || r.outcome() == PushReport.Outcome.NOTHING_TO_PUSH;
        long fresh = r.dialers().stream().filter(d -> d.state() == PushReport.State.NEW).count();
        long unknown = r.dialers().stream().filter(d -> d.state() == PushReport.State.UNKNOWN).count();
        String text = SafeText.display(version.name()) + " v" + version.version() + ": " + fresh + " NEW, "
                + (r.dialers().size() - fresh - unknown) + " OLD, " + unknown + " UNKNOWN \u2014 "
                + SafeText.display(r.summary());
        try {
            Notifications n = Notifications.create().title((good ? "\u2714 " : "\u2716 ") + RunPane.words(r.outcome()))
                    .text(text).hideAfter(javafx.util.Duration.seconds(good ? 8 : 30))
                    .position(javafx.geometry.Pos.TOP_RIGHT).owner(stage);
            if (good) {
                n.showInformation();
            } else {
                n.showWarning();
            }
        } catch (RuntimeException e) {
            LOG.warn("push outcome notification not shown: {}", e.toString());
        }
    }
}
