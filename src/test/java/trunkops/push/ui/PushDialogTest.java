package trunkops.push.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.push.ChangeSet;
import trunkops.push.PushJob;
import trunkops.push.PushReport;
import trunkops.push.PushStore;
import trunkops.push.RouterRow;
import trunkops.routing.LintFinding;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteVersion;
import trunkops.ui.common.UiExecutor;

/**
 * The push window on a scripted backend (fast; {@code PushWindowLabTest} runs it on the lab): the role and a lint
 * error turn Push off and say why, an identical row says "nothing to push", Cancel during the wait shows the
 * rollback and OLD everywhere, a push stopped by a changed live row shows the three-way view.
 */
@ExtendWith(ApplicationExtension.class)
class PushDialogTest {

    private static final List<PushStore.Dialer> DIALERS = List.of(new PushStore.Dialer("DIALER1", "10.0.0.11"),
            new PushStore.Dialer("DIALER2", "10.0.0.12"));
    private static final RouteVersion V1 = version();

    private static RouteVersion version() {
        try {
            return new RouteVersion(RouteFile.parse(String.join("\n", "name = RENEW-SPLIT",
                    "pattern = _51NXXNXXXXXX strip=1", "dialers = all", "strategy = weighted",
                    "member = SIP/blueline weight=70 priority=1", "member = SIP/nsvoice weight=30 priority=2",
                    "dial-timeout = 30")), 1, "alice", Instant.parse("2026-12-05T10:00:00Z"), "first cut");
        } catch (RouteFile.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ExecutorService job = Executors.newSingleThreadExecutor();
    private final Scripted backend = new Scripted();
    private PushLauncher launcher;
    private Button from;

    @Start
    void start(Stage stage) {
        from = new Button("owner");
        Scene scene = new Scene(new StackPane(from), 400, 200);
        scene.getStylesheets().addAll(List.of("tokens.css", "theme-dark.css", "push.css").stream()
                .map(s -> getClass().getResource("/styles/" + s).toExternalForm()).toList());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        launcher = new PushLauncher(backend, io, job, UiExecutor.fx());
    }

    @AfterEach
    void stop() throws TimeoutException {
        backend.release.countDown();
        org.testfx.api.FxToolkit.cleanupStages();
        io.shutdownNow();
        job.shutdownNow();
    }

    /** What the scripted backend answers. */
    static final class Scripted implements PushBackend {
        volatile Optional<String> refusal = Optional.empty();
        volatile List<LintFinding> findings = List.of();
        volatile Optional<RouterRow> live = Optional.empty();
        volatile Optional<RouterRow> liveAfter = Optional.empty();
        volatile boolean conflict;
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Optional<String> refusal() {
            return refusal;
        }

        @Override
        public Prepared prepare(RouteVersion v) {
            return new Prepared(ChangeSet.build(v, live, DIALERS), findings, DIALERS.get(0));
        }

        @Override
        public PushReport run(Prepared p, Consumer<PushJob.Progress> progress, CancelSwitch cancel)
                throws InterruptedException {
            if (conflict) {
                return report(PushReport.Outcome.STOPPED_CHANGED, PushReport.State.OLD, "stopped before writing");
            }
            progress.accept(new PushJob.Progress("cluster", PushJob.Step.WRITE, Duration.ZERO, "row on DIALER1"));
            long waited = 0;
            while (!cancel.cancelled()) { // the keepalive "never runs" until Cancel
                waited += 15;
                progress.accept(new PushJob.Progress("DIALER1", PushJob.Step.WAIT_RELOAD, Duration.ofSeconds(
                        Math.min(waited, 59)), "waiting for the keepalive"));
                release.await(40, TimeUnit.MILLISECONDS);
            }
            progress.accept(new PushJob.Progress("cluster", PushJob.Step.ROLLBACK, Duration.ofSeconds(60),
                    "restoring no row: cancelled by the operator"));
            progress.accept(new PushJob.Progress("DIALER1", PushJob.Step.VERIFY, Duration.ofSeconds(61), "verified"));
            return report(PushReport.Outcome.ROLLED_BACK, PushReport.State.OLD, "push failed (cancelled); rolled"
                    + " back, previous version verified");
        }

        private static PushReport report(PushReport.Outcome o, PushReport.State s, String summary) {
            List<PushReport.DialerState> states = new ArrayList<>();
            DIALERS.forEach(d -> states.add(new PushReport.DialerState(d.serverId(), s, "rolled back, verified",
                    Duration.ZERO)));
            return new PushReport(o, states, summary);
        }

        @Override
        public Optional<RouterRow> live(String carrierId) {
            return liveAfter;
        }

        @Override
        public Duration reloadTimeout() {
            return Duration.ofSeconds(180);
        }
    }

    private static void waitFor(String what, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private void open(FxRobot robot) {
        robot.interact(() -> launcher.push(from, V1));
        waitFor("the review is shown", () -> robot.lookup("#pushWhy").tryQuery().isPresent()
                && !robot.lookup("#pushWhy").queryLabeled().getText().isEmpty());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void aNewRouteIsAllAddedSideBySideAndPushNamesTheDialers(FxRobot robot) {
        open(robot);
        TableView<?> rows = robot.lookup("#sideBySide").queryTableView();
        assertTrue(rows.getItems().size() > 50, "every generated line: " + rows.getItems().size());
        assertTrue(rows.getItems().stream().allMatch(r -> ((SideBySide.Row) r).mark() == SideBySide.Mark.ADDED));
        Button push = robot.lookup("#confirmPush").queryButton();
        assertTrue(!push.isDisabled(), text(robot, "#pushWhy"));
        assertEquals("Push v1 to DIALER1, DIALER2", push.getText().replace("_", ""));
        assertTrue(text(robot, "#pushWhy").contains("DIALER1 first (canary)"), text(robot, "#pushWhy"));
        assertTrue(text(robot, "#pushLive").contains("no router carrier"), text(robot, "#pushLive"));
    }

    @Test
    void aRoleThatMayNotPushTurnsPushOffAndSaysWhy(FxRobot robot) {
        backend.refusal = Optional.of("bob@host is a viewer; pushing a route needs engineer");
        open(robot);
        assertTrue(robot.lookup("#confirmPush").queryButton().isDisabled());
        assertTrue(text(robot, "#pushWhy").contains("bob@host is a viewer"), text(robot, "#pushWhy"));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        waitFor("Esc closes the review", () -> !launcher.busy());
    }

    @Test
    void aLintErrorTurnsPushOffAndSaysWhy(FxRobot robot) {
        backend.findings = List.of(new LintFinding(LintFinding.Severity.ERROR, 3, "duplicate-across-carriers",
                "carrier BLUELINE also defines _51NXXNXXXXXX", "serve another prefix"));
        open(robot);
        assertTrue(robot.lookup("#confirmPush").queryButton().isDisabled());
        assertTrue(text(robot, "#pushWhy").contains("1 lint error"), text(robot, "#pushWhy"));
        assertEquals(1, robot.lookup("#pushFindings").queryListView().getItems().size());
    }

    @Test
    void theSameRowLiveIsNothingToPush(FxRobot robot) {
        backend.live = Optional.of(ChangeSet.build(V1, Optional.empty(), DIALERS).target());
        open(robot);
        assertTrue(robot.lookup("#confirmPush").queryButton().isDisabled());
        assertTrue(text(robot, "#pushWhy").contains("Nothing to push"), text(robot, "#pushWhy"));
        assertTrue(robot.lookup("#pushDialerList").queryListView().getItems().get(0).toString()
                .contains("no change"));
    }

    @Test
    void cancelDuringTheWaitShowsTheRollbackAndOldEverywhere(FxRobot robot) {
        open(robot);
        robot.clickOn("#confirmPush");
        ProgressBar bar = robot.lookup("#pushProgress").queryAs(ProgressBar.class);
        waitFor("the wait is shown against the expected minute", () -> bar.getProgress() > 0.2
                && text(robot, "#pushStep").contains("s of ~60 s expected"));
        robot.clickOn("#cancelPush");
        waitFor("the outcome", () -> text(robot, "#pushOutcome").contains("Rolled back"));
        TableView<?> t = robot.lookup("#pushDialers").queryTableView();
        assertTrue(t.getItems().stream().allMatch(r -> ((PushProgress.Row) r).result() == PushProgress.Result.OLD),
                t.getItems().toString());
        assertTrue(robot.lookup(".push-result").queryAll().stream().anyMatch(n -> "\u21B6 OLD".equals(
                ((javafx.scene.control.Labeled) n).getText())), "the result reads as a word");
        assertTrue(robot.lookup("#closeRun").queryButton().isVisible());
        waitFor("the outcome notification", () -> robot.lookup(".notification-bar").queryAll().stream()
                .anyMatch(n -> n.lookupAll(".label").stream().anyMatch(l -> ((javafx.scene.control.Labeled) l)
                        .getText() != null && ((javafx.scene.control.Labeled) l).getText().contains("2 OLD"))));
    }

    @Test
    void aLiveRowChangedMeanwhileShowsTheThreeWayDifference(FxRobot robot) {
        RouterRow base = new RouterRow("RENEW-SPLIT", "exten => _51NXXNXXXXXX,1,NoOp(old)", "", "0.0.0.0", true);
        backend.live = Optional.of(base);
        backend.liveAfter = Optional.of(new RouterRow("RENEW-SPLIT", base.dialplanEntry(), "EDITED=1", "0.0.0.0",
                true));
        backend.conflict = true;
        open(robot);
        robot.clickOn("#confirmPush");
        waitFor("the three-way view", () -> robot.lookup("#threeWayVerdict-globals_string").tryQuery().isPresent());
        assertTrue(text(robot, "#threeWayVerdict-globals_string").contains("changed live since"));
        assertEquals("EDITED=1", robot.lookup("#threeWayLive-globals_string")
                .queryAs(javafx.scene.control.TextArea.class).getText());
        assertTrue(text(robot, "#threeWayVerdict-dialplan_entry").contains("the push changes it"));
        assertTrue(text(robot, "#pushOutcome").contains("Stopped"), text(robot, "#pushOutcome"));
    }
}
