package trunkops.push.ui;

import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.scene.Node;
import javafx.stage.Window;

import trunkops.routing.RouteVersion;
import trunkops.ui.common.UiExecutor;

/**
 * Opens the push window for one cluster session: "Push…" of a route's latest version, "Roll back to this version"
 * from the version history. One push window at a time: while one is open (reviewing or running), another request
 * brings it to the front instead, so there is only ever one job. FX thread.
 */
public final class PushLauncher {

    private final PushBackend backend;
    private final Executor io;
    private final Executor job;
    private final UiExecutor ui;
    private PushDialog open;

    /**
     * @param io  runs the database reads (change set, live row)
     * @param job runs the push job itself (blocks for minutes)
     */
    public PushLauncher(PushBackend backend, Executor io, Executor job, UiExecutor ui) {
        this.backend = backend;
        this.io = io;
        this.job = job;
        this.ui = ui;
    }

    /** Opens the review of pushing {@code latest}, over the window of {@code from}. */
    public void push(Node from, RouteVersion latest) {
        open(from, latest, Optional.empty());
    }

    /** Opens the review of rolling back to {@code to} (an earlier version) while {@code latest} is the newest. */
    public void rollback(Node from, RouteVersion to, RouteVersion latest) {
        open(from, to, Optional.of(latest));
    }

    /** True while a push window is open (a running job included). */
    public boolean busy() {
        return open != null;
    }

    private void open(Node from, RouteVersion v, Optional<RouteVersion> rollbackFrom) {
        if (open != null) {
            open.stage().toFront();
            open.stage().requestFocus();
            return;
        }
        Window owner = from == null || from.getScene() == null ? null : from.getScene().getWindow();
        PushDialog d = new PushDialog(backend, io, job, ui, v, rollbackFrom);
        open = d;
        d.open(owner, () -> {
            if (open == d) {
                open = null;
            }
        });
    }
}
