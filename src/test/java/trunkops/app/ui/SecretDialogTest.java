package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.secrets.Keyring;

/**
 * The password dialog when the OS keyring cannot be reached (no session bus: secret-tool fails the way it does
 * through dbus-launch): dark like the console, one human line about the keyring, never the tool's own error.
 */
@ExtendWith(ApplicationExtension.class)
class SecretDialogTest {

    static final String RAW = "dbus-launch: Autolaunch error: X11 initialization failed.";

    @TempDir
    Path dir;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
    }

    /** A secret-tool that fails as it does without a session bus. */
    private Keyring brokenKeyring() throws Exception {
        Path tool = dir.resolve("secret-tool");
        Files.writeString(tool, "#!/bin/sh\necho '" + RAW + "' >&2\nexit 1\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        return new Keyring(tool.toString(), Map.of());
    }

    @Test
    void theDialogIsDarkAndSaysTheKeyringIsUnavailableInOneLine(FxRobot robot) throws Exception {
        java.util.function.Supplier<char[]> secret = SecretDialogs.sessionSecret(brokenKeyring(),
                new Keyring.Entry(Keyring.Kind.DB, "trunkops_ro", "jdbc:mariadb://10.0.0.5:3306/asterisk"),
                "Database password for trunkops_ro");
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(secret);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#secretField").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(SecretDialogs.KEYRING_UNAVAILABLE, robot.lookup("#keyringNote").queryLabeled().getText());
        assertEquals("OS keyring not available \u2014 the secret is kept for this session only",
                SecretDialogs.KEYRING_UNAVAILABLE);
        assertTrue(robot.lookup("#rememberSecret").query().isDisabled());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        List<String> texts = new ArrayList<>();
        robot.interact(() -> labels(pane, texts));
        assertFalse(texts.stream().anyMatch(t -> t.contains("dbus") || t.contains("X11")), texts.toString());
        Color background = (Color) ((Region) pane).getBackground().getFills().get(0).getFill();
        assertTrue(background.getBrightness() < 0.3, "a dark dialog: " + background);

        robot.clickOn("#secretField").write("s3cret");
        robot.type(KeyCode.ENTER);
        assertArrayEquals("s3cret".toCharArray(), answer.get(10, TimeUnit.SECONDS));
    }

    private static void labels(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> labels(c, out));
        }
    }

    @Test
    void ctrlKWithoutClustersSaysHowToAddOne(FxRobot robot) {
        robot.interact(() -> view.clusterChoices(List.of("Lab cluster (3 dialers)"), "Lab cluster (3 dialers)",
                name -> { }, null));
        assertFalse(robot.lookup("#clusterHint").query().isVisible());
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#clusterHint").query().isVisible(), "Ctrl+K shows something without clusters");
        String text = robot.lookup("#clusterHintText").queryLabeled().getText();
        assertTrue(text.contains(trunkops.app.ClusterProfile.file().toString()), text);
        assertTrue(text.contains("jdbc.url = jdbc:mariadb://") && text.contains("ami.user = "), text);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#clusterHint").query().isVisible(), "Esc closes it");
    }
}
