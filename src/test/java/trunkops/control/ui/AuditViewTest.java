package trunkops.control.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditFixtures;
import trunkops.ui.common.UiExecutor;

/** The Audit tab: entries newest first, the unfinished one marked in words, filters, CSV export, a failing source. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private AuditView view;

    @Start
    void start(Stage stage) {
        view = new AuditView();
        Scene scene = new Scene(view, 1300, 500);
        scene.getStylesheets().addAll(List.of("tokens.css", "theme-dark.css", "main-view.css", "audit.css").stream()
                .map(s -> getClass().getResource("/styles/" + s).toExternalForm()).toList());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private static List<AuditEntry> entries() {
        ControlRequest a = AuditFixtures.offline("blueline", "carrier 503s, \"bad\"", "dial1", "dial2");
        AuditEntry done = AuditEntry.begun("e1", NOW.minusSeconds(7200), AuditFixtures.ALICE, a, Map.of())
                .completed(AuditFixtures.mixed(a, "read back drain:0"), NOW.minusSeconds(7199));
        AuditEntry open = AuditEntry.begun("e2", NOW.minusSeconds(600), AuditFixtures.ALICE,
                AuditFixtures.offline("nsvoice", "=HYPERLINK(\"x\")", "dial3"), Map.of());
        AuditEntry weight = AuditEntry.begun("e3", NOW.minusSeconds(300), AuditFixtures.ALICE,
                AuditFixtures.weight("US", "telco9", 40), Map.of());
        return List.of(done, open, weight.completed(new trunkops.control.ControlResult(weight.request(), List.of(
                new trunkops.control.DialerOutcome("dial1", trunkops.control.DialerOutcome.Status.APPLIED, "")),
                java.time.Duration.ofMillis(90)), NOW.minusSeconds(299)));
    }

    private void connect(FxRobot robot, AuditView.Source source) {
        robot.interact(() -> view.connect(source, io, UiExecutor.fx(), Clock.fixed(NOW, ZoneOffset.UTC),
                ZoneOffset.UTC));
    }

    private static AuditView.Source of(List<AuditEntry> entries) {
        return new AuditView.Source() {
            @Override
            public List<AuditEntry> load() {
                return entries;
            }

            @Override
            public String describe() {
                return "the test journal";
            }
        };
    }

    private static void waitFor(String what, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#auditStatus").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuditEntry> table(FxRobot robot) {
        return robot.lookup("#auditTable").queryAs(TableView.class);
    }

    private static List<String> ids(FxRobot robot) {
        return table(robot).getItems().stream().map(AuditEntry::id).toList();
    }

    @Test
    void entriesShowNewestFirstAndTheUnfinishedOneSaysSoInWords(FxRobot robot) {
        connect(robot, of(entries()));
        waitFor("the entries are shown", () -> status(robot).startsWith("3 journaled action(s)"));
        assertTrue(status(robot).contains("\u26A0 1 UNFINISHED"), status(robot));
        assertEquals(List.of("e3", "e2", "e1"), ids(robot));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> states = robot.lookup(".table-row-cell.audit-unfinished .table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled).map(n -> ((javafx.scene.control.Labeled) n)
                        .getText()).filter(t -> t != null).toList();
        assertTrue(states.contains("\u26A0 UNFINISHED"), states.toString());
        assertTrue(states.stream().anyMatch(t -> t.contains("nsvoice")), "the marked row is nsvoice's: " + states);
        assertTrue(robot.lookup("\u2714 applied").tryQuery().isPresent());
        assertTrue(robot.lookup("\u25D0 partial").tryQuery().isPresent());
        // the picture in docs/audit.md (docs/images/audit-tab.png is a copy of it)
        try {
            javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> new trunkops.ui.common.Snapshots()
                    .take(view.getScene())).get(10, TimeUnit.SECONDS);
            new trunkops.ui.common.Snapshots().writePng(shot, Path.of("target", "audit-tab.png"));
        } catch (Exception e) {
            throw new AssertionError("the screenshot could not be taken", e);
        }
    }

    @Test
    void filtersByTextVerbActorAndTime(FxRobot robot) {
        connect(robot, of(entries()));
        waitFor("the entries are shown", () -> ids(robot).size() == 3);
        robot.clickOn("#auditText").write("503s");
        waitFor("the text filter applies", () -> ids(robot).equals(List.of("e1")));
        robot.interact(() -> robot.lookup("#auditText").queryTextInputControl().clear());
        robot.interact(() -> robot.lookup("#auditVerb").queryAs(ComboBox.class).setValue("WEIGHT"));
        assertEquals(List.of("e3"), ids(robot));
        robot.interact(() -> robot.lookup("#auditVerb").queryAs(ComboBox.class).setValue("any action"));
        robot.clickOn("#auditActor").write("bob");
        assertEquals(List.of("e3"), ids(robot));
        robot.interact(() -> robot.lookup("#auditActor").queryTextInputControl().clear());
        robot.interact(() -> ((ComboBox<Object>) robot.lookup("#auditRange").queryAs(ComboBox.class))
                .setValue(AuditView.Range.HOUR));
        assertEquals(List.of("e3", "e2"), ids(robot));
    }

    @Test
    void exportWritesWhatTheFiltersShowAsEscapedCsv(FxRobot robot) throws Exception {
        connect(robot, of(entries()));
        waitFor("the entries are shown", () -> ids(robot).size() == 3);
        robot.interact(() -> robot.lookup("#auditVerb").queryAs(ComboBox.class).setValue("OFFLINE"));
        Path file = dir.resolve("audit.csv");
        Path[] written = new Path[1];
        robot.interact(() -> view.exportTo(file).thenAccept(p -> written[0] = p));
        waitFor("the file is written", () -> status(robot).startsWith("2 action(s) exported"));
        String csv = Files.readString(file);
        assertEquals(3, csv.split("\r\n").length, csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), csv);
        assertTrue(csv.contains("\"carrier 503s, \"\"bad\"\"\""), csv);
        assertTrue(!csv.contains("telco9"));
    }

    @Test
    void aSourceThatFailsIsShownInWords(FxRobot robot) {
        connect(robot, new AuditView.Source() {
            @Override
            public List<AuditEntry> load() throws Exception {
                throw new java.io.IOException("disk gone");
            }

            @Override
            public String describe() {
                return "the local journal";
            }
        });
        waitFor("the problem is shown", () -> status(robot).contains("could not be read"));
        assertTrue(status(robot).contains("disk gone"), status(robot));
        Node table = robot.lookup("#auditTable").query();
        assertTrue(table.isVisible());
    }
}
