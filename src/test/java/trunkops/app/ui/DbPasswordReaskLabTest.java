package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
import trunkops.health.ClusterAccess;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.secrets.Keyring;

/**
 * The console with a wrong database password: the server refuses it once, the status bar says so, and the password
 * dialog comes back saying "Wrong password" — no login is repeated with the refused password (account lockout),
 * and the right password typed into the second dialog connects.
 */
@ExtendWith(ApplicationExtension.class)
class DbPasswordReaskLabTest {

    private static LabCluster lab;
    private static LabUnderTest fixture;
    private static ScheduledExecutorService scheduler;
    private ConsoleSession session;
    private MainView view;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-db-reask-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 5L));
        lab = fixture.lab();
        scheduler = fixture.scheduler();
    }

    @AfterAll
    static void stopLab() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aRefusedPasswordIsAskedForAgainAndNeverResent(FxRobot robot) throws Exception {
        long before = accessDenied();
        LabCluster.DbAccess db = lab.dbAccess();
        Keyring noKeyring = new Keyring("no-such-secret-tool", Map.of());
        String amiSecret = lab.amiAccess().get(0).secret();
        ClusterAccess access = new ClusterAccess("Lab under test", true, db.jdbcUrl(), db.user(),
                SecretDialogs.sessionSecret(noKeyring, new Keyring.Entry(Keyring.Kind.DB, db.user(), db.jdbcUrl()),
                        "Database password for " + db.user()),
                LabCluster.CONSOLE_AMI_USER, amiSecret::toCharArray);
        session = ConsoleSession.start(access, view, scheduler);

        String first = answer(robot, "not-the-password");
        assertFalse(first.contains("Wrong password"), first);
        String chip = waitForDbChip(robot, t -> t.contains("DB login refused"));
        assertTrue(chip.contains("wrong password"), chip);

        String second = answer(robot, db.password());
        assertTrue(second.startsWith("Wrong password"), "the dialog says why it asks again: " + second);
        waitForDbChip(robot, t -> t.contains("DB connected"));
        assertEquals(1, accessDenied() - before, "the refused password was sent once, by one of the session's pools");
    }

    /** Waits for the password dialog, returns its header, types {@code secret} and presses OK. */
    private static String answer(FxRobot robot, String secret) throws Exception {
        waitFor("the password dialog", () -> robot.lookup("#secretField").tryQuery().isPresent());
        String header = WaitForAsyncUtils.asyncFx(() -> {
            PasswordField field = robot.lookup("#secretField").queryAs(PasswordField.class);
            DialogPane pane = (DialogPane) field.getScene().getRoot();
            field.setText(secret);
            String h = pane.getHeaderText();
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
            return h;
        }).get(10, TimeUnit.SECONDS);
        waitFor("the dialog closes", () -> robot.lookup("#secretField").tryQuery().isEmpty());
        return header;
    }

    private static String waitForDbChip(FxRobot robot, Predicate<String> test) throws Exception {
        waitFor("the database chip", () -> test.test(dbChip(robot)));
        return dbChip(robot);
    }

    private static String dbChip(FxRobot robot) throws Exception {
        // the status bar is rebuilt with every snapshot: read it on the FX thread
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dbChip").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("")).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> test) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, test);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    private static long accessDenied() throws java.sql.SQLException {
        LabCluster.DbAccess db = lab.dbAccess();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Access_denied_errors'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
