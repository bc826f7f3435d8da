package trunkops.routing.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.routing.GeneratedRoute;
import trunkops.routing.LintFinding;
import trunkops.routing.Route;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;
import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;
import trunkops.ui.common.UiExecutor;

/**
 * The Routes tab: the saved routes with their live state (top), the editor (left) and, beside it, the generated
 * dialplan with its lint findings and the selected route's version history with a diff. Every store call runs on
 * the {@code io} executor, never on the FX thread; answers come back through the {@link UiExecutor}. A store that
 * cannot save (read-only account) is said so at the top; the editor still validates, renders and lints.
 * Keys while the tab shows: Ctrl+N new route, Ctrl+S save, Ctrl+P push the selected route, Esc cancels the edit.
 * The push itself is another feature's window: {@link #pushActions} plugs it in (the history's "Roll back to this
 * version" goes there too).
 */
public final class RoutesView extends BorderPane {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesView.class);
    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");

    private final Label storeStatus = new Label("Routes: no cluster connected");
    private final RouteList list = new RouteList();
    private final RouteEditor editor = new RouteEditor();
    private final GeneratedPane generated = new GeneratedPane();
    private final HistoryView history = new HistoryView();
    private final Tab historyTab = new Tab("History");
    private Session session;
    private LiveBoard board;
    private ClusterTopology topology;
    private List<String> knownTrunks = List.of();
    private RouteHealth shownHealth;
    private boolean shownWithBoard;
    private final PushButton push = new PushButton(this);

    /** What one cluster's routes are read from and saved to; replaced whole when the cluster changes. */
    private record Session(RouteStore store, RouteTools tools, Executor io, UiExecutor ui, String author) {
    }

    public RoutesView() {
        setId("routesView");
        getStyleClass().add("routes-view");
        storeStatus.setId("storeStatus");
        storeStatus.getStyleClass().add("store-status");
        storeStatus.setWrapText(true);
        Button newRoute = new Button("_New route (Ctrl+N)");
        newRoute.setId("newRoute");
        newRoute.setOnAction(e -> newRoute());
        Button reload = new Button("Re_load routes");
        reload.setId("reloadRoutes");
        reload.setOnAction(e -> reload());
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        push.selection(list.getSelectionModel().selectedItemProperty(), editor);
        history.onRollback(push::rollback);
        HBox top = new HBox(10, storeStatus, gap, newRoute, push, reload);
        top.getStyleClass().add("routes-toolbar");
        setTop(top);
        ScrollPane form = new ScrollPane(editor);
        form.setFitToWidth(true);
        form.getStyleClass().add("route-form-scroll");
        Tab genTab = new Tab("Generated dialplan", generated);
        genTab.setId("generatedTab");
        historyTab.setContent(history);
        historyTab.setId("historyTab");
        TabPane side = new TabPane(genTab, historyTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane lower = new SplitPane(form, side);
        lower.setDividerPositions(0.52);
        SplitPane all = new SplitPane(list, lower);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.26);
        setCenter(all);
        editor.topology(() -> topology);
        editor.onChange(this::editorChanged);
        editor.onSave(this::save);
        editor.onCancel(this::cancelEdit);
        editor.writable(false);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selected(now));
        addEventFilter(KeyEvent.KEY_PRESSED, this::escape);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((fo, a, b) -> FormScroll.intoView(form, b));
                accelerator(scene, KeyCode.N, this::newRoute);
                accelerator(scene, KeyCode.S, editor::fireSave);
                accelerator(scene, KeyCode.P, push::fire);
            }
        });
    }

    private void accelerator(javafx.scene.Scene scene, KeyCode key, Runnable action) {
        scene.getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN), () -> {
            if (showing()) {
                action.run();
            }
        });
    }

    /**
     * Connects the tab to a cluster's route store. {@code io} runs the store's calls; {@code author} is who saves.
     * FX thread.
     */
    public void connect(RouteStore store, RouteTools tools, Executor io, UiExecutor ui, String author) {
        session = new Session(Objects.requireNonNull(store), tools, io, ui, author);
        history.tools(tools);
        storeStatus.setText("Reading routes\u2026");
        reload();
        editorChanged();
    }

    /** Plugs in the push window; {@code null} unplugs it (the Push button and the rollback are off). FX thread. */
    public void pushActions(PushActions actions) {
        push.actions(actions);
        history.rollbackEnabled(actions != null);
    }

    /** No store (another cluster is being opened, or none is wired): says why, keeps nothing of the old one. */
    public void disconnect(String why) {
        session = null;
        storeStatus.setText(why);
        list.show(List.of());
        history.clear("No route store");
        editor.writable(false);
        editor.load(RouteDraft.blank(), 0, "New route");
    }

    /** The newest board: the routes' live state, the preview's split and what the validator checks against. */
    public void show(LiveBoard s) {
        board = s;
        list.board(s);
        if (s.topology() != topology) {
            topology = s.topology();
            List<String> trunks = topology == null ? List.of() : topology.trunks().stream()
                    .map(t -> t.tech() + "/" + t.name()).distinct().sorted().toList();
            if (!trunks.equals(knownTrunks)) {
                knownTrunks = trunks;
                editor.knownTrunks(trunks);
            }
            editor.revalidate();
        } else {
            showPreview();
        }
    }

    /** Ctrl+N: an empty route with the safe defaults (unless an edit with changes is open: Esc drops it first). */
    public void newRoute() {
        if (editor.dirty() && editor.basedOn() == 0 && !editor.draft().name().isBlank()) {
            editor.status("\u26A0 a new route with changes is open: save it or press Esc first");
            return;
        }
        list.getSelectionModel().clearSelection();
        editor.load(RouteDraft.blank(), 0, "New route");
        history.clear("A new route has no history yet");
        editor.focusName();
    }

    /** Esc: drops the edit's changes and shows the saved version again (or an empty new route). */
    public void cancelEdit() {
        RouteList.Row row = list.getSelectionModel().getSelectedItem();
        if (row == null) {
            editor.load(RouteDraft.blank(), 0, "New route");
        } else {
            open(row.version());
        }
        editor.status("Edit cancelled");
    }

    private void escape(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && editor.dirty()) {
            cancelEdit();
            e.consume();
        }
    }

    private boolean showing() {
        if (getScene() == null) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void selected(RouteList.Row row) {
        if (row == null) {
            return;
        }
        if (editor.dirty() && !row.name().equals(editor.draft().name())) {
            editor.status("\u26A0 unsaved changes to " + SafeText.display(editor.draft().name()) + " are still in the"
                    + " editor: save them or press Esc before opening " + row.name());
        } else if (!editor.dirty()) {
            open(row.version());
        }
        loadHistory(row.name());
    }

    private void open(RouteVersion v) {
        editor.load(RouteDraft.of(v.route()), v.version(), "Editing " + v.name() + ", based on v" + v.version()
                + " (" + SafeText.display(v.author()) + ")");
    }

    private void editorChanged() {
        showPreview();
        Session s = session;
        if (editor.hasErrors()) {
            generated.unavailable("\u2716 Not generated: the route has errors (see Problems); the generator refuses"
                    + " a route with errors");
            return;
        }
        if (s == null || s.tools() == null) {
            generated.unavailable("No generator connected");
            return;
        }
        try {
            Route r = editor.route();
            GeneratedRoute g = s.tools().render(r, editor.basedOn() + 1);
            List<LintFinding> found = s.tools().lint(g, topology);
            generated.show(g, found, "As v" + (editor.basedOn() + 1) + " would be generated");
        } catch (RuntimeException e) {
            LOG.warn("could not render route {}: {}", editor.route().name(), e.toString());
            generated.unavailable("\u2716 Not generated: " + SafeText.display(String.valueOf(e.getMessage())));
        }
    }

    private void showPreview() {
        Route r = editor.route();
        RouteHealth h = RouteHealth.of(r, board);
        if (!h.equals(shownHealth) || shownWithBoard != (board != null)) {
            shownHealth = h;
            shownWithBoard = board != null;
            editor.preview().show(r, h, board != null);
        }
    }

    private void reload() {
        Session s = session;
        if (s == null) {
            return;
        }
        background(s, () -> {
            RouteStore.StoreStatus st = s.store().status();
            List<RouteVersion> latest = st.readable() ? s.store().latest() : List.of();
            return () -> {
                list.show(latest);
                showStatus(st);
            };
        }, "read the routes");
    }

    private void showStatus(RouteStore.StoreStatus st) {
        String text = !st.readable() ? "\u2716 Routes cannot be read: " + st.message()
                : !st.writable() ? "\u26A0 Read-only: " + st.message() + ". Routes can be viewed, edited, rendered"
                + " and linted here, not saved." : "\u2714 " + list.getItems().size() + " route(s) in TrunkOps' tables,"
                + " saves are versioned";
        storeStatus.setText(SafeText.display(text));
        storeStatus.pseudoClassStateChanged(READ_ONLY, !st.writable());
        editor.writable(st.writable());
    }

    private void loadHistory(String name) {
        Session s = session;
        if (s == null) {
            return;
        }
        background(s, () -> {
            List<RouteVersion> all = s.store().history(name);
            return () -> history.show(all);
        }, "read the history of " + name);
    }

    private void save(String comment) {
        Session s = session;
        if (s == null || editor.hasErrors()) {
            return;
        }
        save(s, editor.route(), editor.basedOn(), comment);
    }

    private void save(Session s, Route route, int basedOn, String comment) {
        editor.busy(true, "Saving " + route.name() + "\u2026");
        background(s, () -> {
            RouteStore.SaveResult result = s.store().save(route, basedOn, s.author(), comment);
            return () -> saved(s, result, comment);
        }, "save " + route.name());
    }

    private void saved(Session s, RouteStore.SaveResult result, String comment) {
        editor.busy(false, "");
        if (result instanceof RouteStore.SaveResult.Saved ok) {
            open(ok.version());
            editor.status("\u2714 Saved " + ok.version().name() + " v" + ok.version().version());
            reloadAndSelect(s, ok.version().name());
        } else if (result instanceof RouteStore.SaveResult.Conflict c) {
            ConflictDialog.show(getScene() == null ? null : getScene().getWindow(), c, choice -> {
                if (choice == ConflictDialog.Choice.SAVE_OVER) {
                    save(s, c.mine(), c.theirs().version(), comment);
                } else {
                    editor.status("\u26A0 Not saved: " + SafeText.display(c.theirs().author()) + " saved v"
                            + c.theirs().version() + " meanwhile; your edit is still here");
                }
            });
        } else if (result instanceof RouteStore.SaveResult.Invalid bad) {
            editor.status("\u2716 Not saved: " + SafeText.display(bad.problems().toString()));
        } else if (result instanceof RouteStore.SaveResult.Refused no) {
            editor.status("\u2716 Not saved: " + SafeText.display(no.reason()));
            reload();
        }
    }

    private void reloadAndSelect(Session s, String name) {
        background(s, () -> {
            RouteStore.StoreStatus st = s.store().status();
            List<RouteVersion> latest = s.store().latest();
            List<RouteVersion> all = s.store().history(name);
            return () -> {
                list.show(latest);
                showStatus(st);
                list.getItems().stream().filter(r -> r.name().equals(name)).findFirst()
                        .ifPresent(r -> list.getSelectionModel().select(r));
                history.show(all);
            };
        }, "read the routes");
    }

    /** Runs {@code work} on the session's io executor and its answer on the FX thread, if still connected. */
    private void background(Session s, Supplier<Runnable> work, String what) {
        s.io().execute(() -> {
            Runnable then;
            try {
                then = work.get();
            } catch (RuntimeException e) {
                LOG.warn("could not {}: {}", what, e.toString());
                then = () -> {
                    editor.busy(false, "\u2716 Could not " + what + ": " + SafeText.display(e.getMessage()));
                };
            }
            Runnable answer = then;
            s.ui().execute(() -> {
                if (session == s) {
                    answer.run();
                }
            });
        });
    }
}
