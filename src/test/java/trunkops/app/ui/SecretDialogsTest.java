package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.ami.RefusableSecret;
import trunkops.secrets.Keyring;

/** The session secret: asked once; after a dialer refused it, asked again with the reason, never re-used. */
@ExtendWith(ApplicationExtension.class)
class SecretDialogsTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private static String answer(FxRobot robot, CompletableFuture<char[]> pending, String typed,
                                 String headerPart) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#secretField").tryQuery().isPresent());
        String header = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText();
        assertTrue(header.contains(headerPart), header);
        robot.clickOn("#secretField").write(typed);
        robot.clickOn("OK");
        return new String(pending.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aRefusedSecretIsAskedForAgainWithTheReason(FxRobot robot) throws Exception {
        RefusableSecret secret = SecretDialogs.sessionSecret(new Keyring("no-such-secret-tool", Map.of()),
                new Keyring.Entry(Keyring.Kind.AMI, "noc", "lab"), "AMI secret for user noc");
        assertEquals("typo", answer(robot, CompletableFuture.supplyAsync(secret::get), "typo",
                "AMI secret for user noc"));
        assertEquals("typo", new String(CompletableFuture.supplyAsync(secret::get).get(10, TimeUnit.SECONDS)),
                "asked once per session");
        assertTrue(secret.refused("typo".toCharArray()));
        assertEquals("nocsecret", answer(robot, CompletableFuture.supplyAsync(secret::get), "nocsecret",
                "refused the secret \u2014 wrong secret?"));
        assertTrue(secret.refused("typo".toCharArray()), "a late refusal of the old secret keeps the new one");
        assertEquals("nocsecret", new String(CompletableFuture.supplyAsync(secret::get).get(10, TimeUnit.SECONDS)));
    }
}
