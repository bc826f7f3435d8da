package trunkops.app.ui;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.secrets.Keyring;
import trunkops.secrets.KeyringException;
import trunkops.secrets.SessionSecret;

/**
 * Secrets for one session: taken from the OS keyring when it holds them, otherwise asked from the operator
 * once and kept only in memory (never in files or logs), optionally remembered in the keyring when the operator
 * ticks the box. The supplier is called from background threads; the dialog itself runs on the FX thread.
 */
public final class SecretDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(SecretDialogs.class);
    /** What the operator reads when the keyring cannot be used; the tool's error goes to the log at DEBUG. */
    static final String KEYRING_UNAVAILABLE = "OS keyring not available \u2014 the secret is kept for this session only";

    private SecretDialogs() {
    }

    /**
     * The session's secret for {@code entry}. After a server refused it the operator is asked again, with the reason
     * above the prompt ("wrong password — ... re-enter it"), never the keyring (which holds the refused one).
     */
    public static SessionSecret sessionSecret(Keyring keyring, Keyring.Entry entry, String prompt) {
        return new SessionSecret(refusal -> {
            if (Platform.isFxApplicationThread()) {
                throw new IllegalStateException("secrets are never asked for on the FX thread");
            }
            char[] s = refusal == null ? fromKeyringOrOperator(keyring, entry, prompt)
                    : fromOperator(keyring, entry, capitalized(refusal) + "\n" + prompt, null);
            return s.length == 0 ? Optional.empty() : Optional.of(s);
        });
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static char[] fromKeyringOrOperator(Keyring keyring, Keyring.Entry entry, String prompt) {
        String keyringProblem;
        try {
            Optional<char[]> stored = keyring.lookup(entry);
            if (stored.isPresent()) {
                LOG.info("using the {} secret from the OS keyring", entry.label());
                return stored.get();
            }
            keyringProblem = null;
        } catch (KeyringException e) {
            keyringProblem = KEYRING_UNAVAILABLE;
            LOG.info("OS keyring not available; asking the operator for the {} secret", entry.label());
            LOG.debug("OS keyring error: {}", e.getMessage()); // the tool's own words (dbus-launch...): log only
        }
        return fromOperator(keyring, entry, prompt, keyringProblem);
    }

    private static char[] fromOperator(Keyring keyring, Keyring.Entry entry, String prompt, String keyringProblem) {
        Answer a = ask(prompt, keyringProblem);
        if (a.remember() && a.secret().length > 0) {
            try {
                keyring.store(entry, a.secret());
            } catch (KeyringException e) {
                LOG.warn("could not remember the {} secret: {}", entry.label(), e.getMessage());
            }
        }
        return a.secret();
    }

    private record Answer(char[] secret, boolean remember) {
    }

    private static Answer ask(String prompt, String keyringProblem) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            Dialog<Answer> d = new Dialog<>();
            d.setTitle("TrunkOps");
            d.setHeaderText(prompt);
            PasswordField field = new PasswordField();
            field.setId("secretField");
            CheckBox remember = new CheckBox("Remember in the OS keyring");
            remember.setId("rememberSecret");
            VBox box = new VBox(8, field, remember);
            if (keyringProblem != null) {
                remember.setDisable(true);
                javafx.scene.control.Label note = new javafx.scene.control.Label(keyringProblem);
                note.setId("keyringNote");
                note.getStyleClass().add("keyring-note");
                note.setWrapText(true);
                note.setMaxWidth(460);
                box.getChildren().add(note);
            }
            d.getDialogPane().setContent(box);
            trunkops.app.Styles.apply(d.getDialogPane()); // the console's dark theme, not Modena's light one
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            d.setResultConverter(b -> b == ButtonType.OK
                    ? new Answer(field.getText().toCharArray(), remember.isSelected()) : null);
            Platform.runLater(field::requestFocus);
            answer.complete(d.showAndWait().orElse(new Answer(new char[0], false)));
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(new char[0], false);
        } catch (ExecutionException e) {
            return new Answer(new char[0], false);
        }
    }
}
