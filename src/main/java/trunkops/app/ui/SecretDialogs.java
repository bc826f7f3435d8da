package trunkops.app.ui;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;

/**
 * Secrets asked from the operator once per session and kept only in memory (never in files or logs). The
 * supplier is called from background threads; the dialog itself runs on the FX thread.
 */
public final class SecretDialogs {

    private SecretDialogs() {
    }

    public static Supplier<char[]> sessionSecret(String prompt) {
        return new Supplier<>() {
            private char[] cached;

            @Override
            public synchronized char[] get() {
                if (Platform.isFxApplicationThread()) {
                    throw new IllegalStateException("secrets are never asked for on the FX thread");
                }
                if (cached == null) {
                    cached = ask(prompt);
                }
                return Arrays.copyOf(cached, cached.length);
            }
        };
    }

    private static char[] ask(String prompt) {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            Dialog<char[]> d = new Dialog<>();
            d.setTitle("TrunkOps");
            d.setHeaderText(prompt);
            PasswordField field = new PasswordField();
            field.setId("secretField");
            d.getDialogPane().setContent(field);
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
            Platform.runLater(field::requestFocus);
            answer.complete(d.showAndWait().orElse(new char[0]));
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new char[0];
        } catch (ExecutionException e) {
            return new char[0];
        }
    }
}
