package trunkops.app;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.app.ui.MainView;
import trunkops.control.AdminState;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.TrunkControl;
import trunkops.health.AdminNote;
import trunkops.health.AdminNotes;
import trunkops.health.ClusterAccess;
import trunkops.health.ClusterMonitor;
import trunkops.health.ui.TrunkActions;
import trunkops.topology.ClusterTopology;

/**
 * The board's operator control for one cluster session: the {@link TrunkControl} the session's factory opens
 * (ctl's ASTDB implementation, plugged in by the composition root), a {@code control-ui} thread the actions start
 * on, who acts, and what follows each action: this console's own notes (who / why) for the board, and an immediate
 * re-read of every dialer's flags (so another console's change shows within one poll anyway).
 */
public final class ControlBoardWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlBoardWiring.class);

    /**
     * Opens a session's control, once the cluster's topology has been read (its dialers are what the control links
     * to); {@code current} gives the newest topology later. THE place where the real one is plugged in; {@link
     * #NONE} (null) leaves the board's actions disconnected (the menu says so). Runs on the {@code control-ui}
     * thread, never the FX thread; a returned control that is {@link AutoCloseable} is closed with the session.
     */
    @FunctionalInterface
    public interface Factory {
        TrunkControl open(ClusterAccess access, ClusterTopology first, Supplier<Optional<ClusterTopology>> current);

        Factory NONE = (access, first, current) -> null;
    }

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "control-ui");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught on {}", th.getName(), e));
        return t;
    });
    /** A control that can also delete flags whose until has passed (the console's side of an ended window). */
    interface Restorer {
        java.util.concurrent.CompletableFuture<ControlResult> restoreExpired(trunkops.topology.Tech tech, String peer,
                                                                            List<String> serverIds, String actor);
    }

    /** A control that knows whether the person may do a verb (their role), before anything is typed. */
    interface Guard {
        Optional<String> refusal(ControlVerb verb);
    }

    private final java.util.Set<String> restoring = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Runnable afterRestore = () -> { };
    private volatile TrunkControl control;
    private volatile boolean closed;
    private volatile String actor;
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<ClusterTopology>> opener =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Off the FX thread: opens the control and connects the view's actions unless the session was detached. */
    static ControlBoardWiring start(ClusterAccess access, ClusterMonitor monitor, MainView view, Factory factory,
                                    AdminNotes journalNotes, AtomicBoolean detached) {
        ControlBoardWiring w = new ControlBoardWiring();
        w.background.execute(() -> w.actor = actor()); // may wait for the resolver: before the control is needed
        AdminNotes.Memory mine = new AdminNotes.Memory();
        monitor.adminNotes(AdminNotes.newest(mine, journalNotes));
        w.opener.set(first -> w.background.execute(() -> {
            TrunkControl control = factory.open(access, first, () -> Optional.ofNullable(monitor.topology()));
            if (control == null) {
                LOG.info("operator control not connected in this build: the board's offline/drain/online are off");
                return;
            }
            w.control = control;
            if (w.closed) {
                w.closeControl();
                return;
            }
            String actor = w.actor;
            w.afterRestore = monitor::refreshAdminFlags;
            TrunkActions.Connection c = new TrunkActions.Connection(control, w.background, () -> actor, results -> {
                results.forEach(r -> remember(mine, r));
                monitor.refreshAdminFlags();
            }, verb -> control instanceof Guard g ? g.refusal(verb) : Optional.empty());
            Platform.runLater(() -> {
                if (!detached.get()) {
                    view.trunkActions().connect(c);
                }
            });
        }));
        return w;
    }

    /**
     * Every board snapshot (the monitor thread): the first topology read opens the control; a flag whose until
     * has passed (the dialplan already ignores it) is deleted through the control, journaled as an online, so an
     * ended window is also restored and reported by the console (once per trunk at a time).
     */
    void snapshot(trunkops.health.BoardSnapshot s) {
        if (s.topology() != null) {
            java.util.function.Consumer<ClusterTopology> open = opener.getAndSet(null);
            if (open != null) {
                open.accept(s.topology());
            }
        }
        if (!(control instanceof Restorer r) || actor == null || closed) {
            return;
        }
        java.util.Map<String, List<String>> expired = new java.util.LinkedHashMap<>();
        s.trunks().stream().filter(t -> t.forced().expiredFlagStored()).forEach(t -> expired.computeIfAbsent(
                t.key().tech() + "/" + t.peer(), k -> new java.util.ArrayList<>()).add(t.serverId()));
        expired.forEach((trunk, servers) -> {
            if (restoring.add(trunk)) {
                trunkops.topology.Tech tech = trunkops.topology.Tech.valueOf(trunk.substring(0, trunk.indexOf('/')));
                String peer = trunk.substring(trunk.indexOf('/') + 1);
                r.restoreExpired(tech, peer, servers, actor).whenComplete((result, e) -> {
                    if (e != null) {
                        LOG.warn("expired flag of {} not restored: {}", trunk, e.toString());
                    } else if (!result.outcomes().isEmpty()) {
                        LOG.info("maintenance window of {} ended: flag deleted on {}", trunk, result.outcomes());
                    }
                    afterRestore.run();
                    restoring.remove(trunk);
                });
            }
        });
    }

    /** OS user @ host (the audit helper's identity may replace it; the journal names the same person). */
    static String actor() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    private static void remember(AdminNotes.Memory notes, ControlResult r) {
        if (r.request().verb() != ControlVerb.OFFLINE && r.request().verb() != ControlVerb.DRAIN) {
            return;
        }
        AdminState state = r.request().verb() == ControlVerb.OFFLINE ? AdminState.OFFLINE : AdminState.DRAIN;
        for (DialerOutcome o : r.outcomes()) {
            if (o.applied()) {
                notes.record(new AdminNote(o.serverId(), r.request().peer(), state, r.request().until(),
                        r.request().actor(), r.request().reason(), r.request().ticket(), Instant.now()));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        closeControl();
    }

    private void closeControl() {
        if (control instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("control not closed cleanly: {}", e.toString());
            }
        }
    }
}
