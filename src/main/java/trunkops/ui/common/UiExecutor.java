package trunkops.ui.common;

import java.util.concurrent.Executor;

/**
 * The one bridge to the FX thread: {@code Platform::runLater} in the application, direct execution in tests of
 * view models.
 */
public interface UiExecutor extends Executor {

    static UiExecutor fx() {
        return javafx.application.Platform::runLater;
    }

    static UiExecutor direct() {
        return Runnable::run;
    }
}
