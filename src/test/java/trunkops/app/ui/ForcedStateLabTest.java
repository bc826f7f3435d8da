package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.ConsoleSession;
import trunkops.control.AdminFlag;
import trunkops.control.AdminState;
import trunkops.control.ControlResult;
import trunkops.control.DialerOutcome;
import trunkops.control.TrunkControl;
import trunkops.health.AdminNotes;
import trunkops.health.TimelineEntry;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.health.ui.TrunkTile;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.testutil.AmiWireClient;
import trunkops.traffic.CarrierTrafficService;

/**
 * The forced state on the real board, on the lab over real TCP AMI: a {@code trunkops/admin/blueline} flag DBPut on
 * one lab dialer (by another AMI client, as another console would) shows as ⏸ OFFLINE (forced) with its until and
 * the probe verdict underneath, and goes when deleted and when its until passes; a drain confirmed in the dialog
 * runs through a control (here a small ASTDB writer over AMI standing in for ctl's) and the board re-reads at once.
 * Takes the README's picture (target/forced-offline.png, copied to docs/images/).
 */
@ExtendWith(ApplicationExtension.class)
class ForcedStateLabTest {

    private static final Duration T = Duration.ofSeconds(10);
    private static LabUnderTest fixture;
    private ConsoleSession session;
    private MainView view;
    private final Map<String, AmiWireClient> ami = new LinkedHashMap<>();

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-forced-lab-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 11L));
    }

    @AfterAll
    static void stopLab() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
        for (LabCluster.AmiAccess a : fixture.lab().amiAccess()) {
            AmiWireClient c = new AmiWireClient(a.host(), a.port());
            c.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\nEvents: off\r\n\r\n");
            assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T), a.serverId());
            ami.put(a.serverId(), c);
        }
        session = ConsoleSession.start(ConsoleOnLab.access(fixture.lab(), "Lab under test"), view,
                fixture.scheduler(), CarrierTrafficService.Options.defaults(), (access, first, current) -> astdbWriter(),
                AdminNotes.NONE);
    }

    @AfterEach
    void closeAll() throws Exception {
        session.close();
        for (AmiWireClient c : ami.values()) {
            c.close();
        }
    }

    private int ids;

    /** DBPut / DBDel on one dialer over AMI, waiting for its answer (not on the FX thread: callers make sure). */
    private synchronized String send(String serverId, String action) throws Exception {
        String id = "t" + (++ids);
        AmiWireClient c = ami.get(serverId);
        int from = c.count();
        c.send(action + "ActionID: " + id + "\r\n\r\n");
        List<String> answer = c.awaitFrom(from, m -> m.contains("ActionID: " + id), T);
        assertNotNull(answer, serverId + " answered " + id);
        return answer.stream().filter(l -> l.startsWith("Response: ")).findFirst().orElse("");
    }

    private void put(String serverId, String peer, String value) throws Exception {
        assertEquals("Response: Success", send(serverId, "Action: DBPut\r\nFamily: trunkops\r\nKey: admin/" + peer
                + "\r\nVal: " + value + "\r\n"));
    }

    private void del(String serverId, String peer) throws Exception {
        send(serverId, "Action: DBDel\r\nFamily: trunkops\r\nKey: admin/" + peer + "\r\n");
    }

    /** Stands in for ctl's control: writes the flag on each dialer named, reports applied when AMI said Success. */
    private TrunkControl astdbWriter() {
        return r -> CompletableFuture.supplyAsync(() -> {
            List<DialerOutcome> out = new ArrayList<>();
            for (String s : r.serverIds()) {
                try {
                    String value = new AdminFlag(r.verb() == trunkops.control.ControlVerb.DRAIN ? AdminState.DRAIN
                            : AdminState.OFFLINE, r.until()).value().orElseThrow();
                    put(s, r.peer(), value);
                    out.add(new DialerOutcome(s, DialerOutcome.Status.APPLIED, ""));
                } catch (Exception | AssertionError e) {
                    out.add(new DialerOutcome(s, DialerOutcome.Status.FAILED, String.valueOf(e.getMessage())));
                }
            }
            return new ControlResult(r, out, Duration.ZERO);
        });
    }

    private static void waitFor(String what, int seconds, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private TrunkView trunk(String server, String peer) {
        var s = view.lastSnapshot();
        return s == null ? null : s.trunks().stream().filter(t -> t.serverId().equals(server)
                && t.peer().equals(peer)).findFirst().orElse(null);
    }

    private boolean is(String server, String peer, AdminState state) {
        TrunkView t = trunk(server, peer);
        return t != null && t.forced().known() && t.forced().state() == state;
    }

    private boolean timeline(String subject, String to, String detailStart) {
        List<TimelineEntry> tl = view.lastSnapshot().timeline();
        return tl.stream().anyMatch(e -> e.subject().equals(subject) && e.to().equals(to)
                && e.detail().startsWith(detailStart));
    }

    @Test
    void aFlagPutByAnotherConsoleShowsWithTheVerdictUnderneathAndGoesWhenDeletedOrExpired(FxRobot robot)
            throws Exception {
        waitFor("DIALER2/blueline reachable and its flags read", 60, () -> is("DIALER2", "blueline",
                AdminState.IN_SERVICE) && trunk("DIALER2", "blueline").state() == TrunkState.REACHABLE);
        long until = Instant.now().plus(Duration.ofHours(2)).getEpochSecond();
        put("DIALER2", "blueline", "offline:" + until);
        long putAt = System.nanoTime();
        waitFor("forced offline on the board", 15, () -> is("DIALER2", "blueline", AdminState.OFFLINE));
        long seenMs = (System.nanoTime() - putAt) / 1_000_000;
        TrunkView v = trunk("DIALER2", "blueline");
        assertEquals(TrunkState.REACHABLE, v.state(), "the verdict stays under the forced state");
        assertEquals(Instant.ofEpochSecond(until), v.forced().until().orElseThrow());
        assertTrue(v.notLive() && !v.down());
        assertTrue(view.lastSnapshot().impacts().stream().anyMatch(i -> i.campaignId().equals("RENEW")
                && i.serverId().equals("DIALER2") && i.lost()), "RENEW lost its only live trunk on DIALER2");
        assertEquals("in service", trunk("DIALER3", "blueline").forced().active() ? "forced" : "in service",
                "one dialer's flag is its own");
        WaitForAsyncUtils.waitForFxEvents();
        TrunkTile tile = robot.lookup("#tile-DIALER2-blueline").queryAs(TrunkTile.class);
        assertNotNull(tile);
        waitFor("the tile says it", 5, () -> robot.from(tile).lookup(".trunk-tile-state").queryLabeled().getText()
                .equals("\u275A\u275A OFFLINE (forced)") && robot.from(tile).lookup(".trunk-tile-under").queryLabeled()
                .getText().startsWith("probe \u2714 Reachable\nuntil "));
        System.err.println("forced flag seen on the board " + seenMs + " ms after DBPut");

        // the README's picture: the board with a forced-offline trunk
        robot.clickOn("#tile-DIALER2-blueline"); // selected: its latency chart under the board
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> new trunkops.ui.common.Snapshots()
                .take(robot.lookup("#tabs").query().getScene())).get(10, TimeUnit.SECONDS);
        new trunkops.ui.common.Snapshots().writePng(shot, java.nio.file.Path.of("target", "forced-offline.png"));

        del("DIALER2", "blueline");
        waitFor("in service again", 15, () -> is("DIALER2", "blueline", AdminState.IN_SERVICE));
        waitFor("the timeline says so", 5, () -> timeline("DIALER2/blueline", "in service", "flag removed"));

        long soon = Instant.now().getEpochSecond() + 12; // more than one poll (5 s) away
        put("DIALER2", "blueline", "offline:" + soon);
        waitFor("forced offline again", 15, () -> is("DIALER2", "blueline", AdminState.OFFLINE));
        waitFor("expired: in service with the flag still stored", 30, () -> is("DIALER2", "blueline",
                AdminState.IN_SERVICE));
        waitFor("the timeline says it expired", 5, () -> timeline("DIALER2/blueline", "in service", "expired"));
        del("DIALER2", "blueline");
    }

    @Test
    void aDrainConfirmedInTheDialogIsOnTheBoardAtOnce(FxRobot robot) throws Exception {
        waitFor("the table has DIALER3/orbit-east with its flags read", 60,
                () -> is("DIALER3", "orbit-east", AdminState.IN_SERVICE));
        view.selectTab(2);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<TrunkView> table = robot.lookup("#trunkTable")
                .queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).serverId().equals("DIALER3")
                        && table.getItems().get(i).peer().equals("orbit-east")) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
            table.requestFocus();
        });
        waitFor("the keys know the control", 30, () -> {
            robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
            return robot.lookup("#controlDialog").tryQuery().isPresent();
        });
        robot.clickOn("#controlReason").write("SBC east firmware");
        robot.clickOn("#controlConfirmName").write("orbit-east");
        long sent = System.nanoTime();
        robot.clickOn("#controlConfirm");
        waitFor("applied", 15, () -> robot.lookup("#controlResults").queryListView().getItems().stream()
                .anyMatch(l -> l.toString().equals("\u2714 SIP/orbit-east on DIALER3: applied")));
        waitFor("draining on the board", 10, () -> is("DIALER3", "orbit-east", AdminState.DRAIN));
        System.err.println("drain on the board " + (System.nanoTime() - sent) / 1_000_000 + " ms after confirm");
        TrunkView v = trunk("DIALER3", "orbit-east");
        assertTrue(v.forced().note().isPresent(), "this console's own action: who and why");
        assertEquals("SBC east firmware", v.forced().note().get().reason());
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#controlDialog")
                .queryAs(javafx.scene.control.DialogPane.class).lookupButton(javafx.scene.control.ButtonType.CLOSE))
                .fire());
        del("DIALER3", "orbit-east");
        waitFor("back in service", 15, () -> is("DIALER3", "orbit-east", AdminState.IN_SERVICE));
    }
}
