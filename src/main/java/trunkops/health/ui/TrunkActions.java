package trunkops.health.ui;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.TrunkControl;
import trunkops.health.BoardSnapshot;
import trunkops.health.ControlPlan;
import trunkops.health.TrunkView;
import trunkops.text.SafeText;
import trunkops.topology.TrunkKey;

/**
 * The operator's offline / drain / online on the trunk table and the board: a context menu (this dialer, every
 * dialer that has the peer, the whole carrier) and Ctrl+O / Ctrl+D / Ctrl+U on the selected trunk (this dialer;
 * the dialog can widen the scope). Each opens a {@link ControlDialog}; the action runs through the
 * {@link TrunkControl} given to {@link #connect}, off the FX thread; the outcome is also a notification. Until a
 * control is connected the menu says so and the keys do nothing.
 */
public final class TrunkActions {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkActions.class);

    /** What actions run through, and what follows each (the board re-reads the flags; who/why is remembered). */
    public record Connection(TrunkControl control, Executor background, Supplier<String> actor,
                             Consumer<List<ControlResult>> afterAction,
                             java.util.function.Function<ControlVerb, Optional<String>> refusal) {

        /** Every verb allowed (the role is checked by the control itself, or not at all). */
        public Connection(TrunkControl control, Executor background, Supplier<String> actor,
                          Consumer<List<ControlResult>> afterAction) {
            this(control, background, actor, afterAction, verb -> Optional.empty());
        }
    }

    private final Supplier<BoardSnapshot> board;
    private Connection connection;
    private ControlDialog open;

    public TrunkActions(Supplier<BoardSnapshot> board) {
        this.board = board;
    }

    public void connect(Connection c) {
        this.connection = c;
    }

    public void disconnect() {
        this.connection = null;
    }

    /** Whether actions can be sent (a control is connected for this session). */
    public boolean connected() {
        return connection != null;
    }

    /** The dialog showing now, if any (tests). */
    public Optional<ControlDialog> dialog() {
        return Optional.ofNullable(open).filter(ControlDialog::isShowing);
    }

    /** Context menu and keys on the trunk table (the selected row). */
    public void attach(TrunkTable table) {
        ContextMenu menu = new ContextMenu();
        menu.setId("trunkActionsMenu");
        fill(menu, null, table); // a ContextMenu without items is never shown, so onShowing would never fill it
        menu.setOnShowing(e -> fill(menu, table.getSelectionModel().getSelectedItem(), table));
        table.setContextMenu(menu);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> key(e, table.getSelectionModel().getSelectedItem(), table));
    }

    /** Context menu and keys on the board's tiles (the tile under the mouse, or the selected one). */
    public void attach(TrunkBoard trunkBoard) {
        ContextMenu menu = new ContextMenu();
        trunkBoard.setOnContextMenuRequested(e -> {
            TrunkView v = tileUnder(e.getPickResult().getIntersectedNode());
            if (v != null) {
                fill(menu, v, trunkBoard);
                menu.show(trunkBoard, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        trunkBoard.addEventFilter(KeyEvent.KEY_PRESSED, e -> key(e, current(trunkBoard.selected()), trunkBoard));
    }

    private static TrunkView tileUnder(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof TrunkTile t) {
                return t.view();
            }
        }
        return null;
    }

    private TrunkView current(TrunkKey key) {
        BoardSnapshot s = board.get();
        if (key == null || s == null) {
            return null;
        }
        return s.trunks().stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }

    private void key(KeyEvent e, TrunkView v, Node owner) {
        if (!e.isShortcutDown() || v == null) {
            return;
        }
        ControlVerb verb = e.getCode() == KeyCode.O ? ControlVerb.OFFLINE : e.getCode() == KeyCode.D
                ? ControlVerb.DRAIN : e.getCode() == KeyCode.U ? ControlVerb.ONLINE : null;
        if (verb != null) {
            e.consume();
            open(verb, current(v.key()) == null ? v : current(v.key()), ControlPlan.Scope.DIALER, owner);
        }
    }

    private void fill(ContextMenu menu, TrunkView v, Node owner) {
        menu.getItems().clear();
        if (v == null) {
            MenuItem none = new MenuItem("Select a trunk first");
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        String shortcut = org.controlsfx.tools.Platform.getCurrent() == org.controlsfx.tools.Platform.OSX
                ? "\u2318" : "Ctrl+";
        menu.getItems().addAll(verbMenu("Force offline", ControlVerb.OFFLINE, shortcut + "O", v, owner),
                verbMenu("Drain (no new calls)", ControlVerb.DRAIN, shortcut + "D", v, owner),
                verbMenu("Put back online", ControlVerb.ONLINE, shortcut + "U", v, owner));
        if (connection == null) {
            MenuItem off = new MenuItem("(operator control is not connected in this session)");
            off.setDisable(true);
            menu.getItems().add(off);
        }
    }

    private Menu verbMenu(String text, ControlVerb verb, String keys, TrunkView v, Node owner) {
        Menu m = new Menu(text);
        m.setId("menu-" + verb.name().toLowerCase(java.util.Locale.ROOT));
        Optional<String> refused = connection == null ? Optional.empty() : connection.refusal().apply(verb);
        if (refused.isPresent()) { // the role does not allow it: say so where the operator looks
            m.setText(text + " \u2014 " + SafeText.display(refused.get()));
            m.setDisable(true);
            return m;
        }
        m.getItems().addAll(
                item(verb, ControlPlan.Scope.DIALER, "On " + SafeText.display(v.serverId()) + " (" + keys + ")", v,
                        owner),
                item(verb, ControlPlan.Scope.EVERY_DIALER, "On every dialer that has "
                        + SafeText.display(v.peer()), v, owner),
                item(verb, ControlPlan.Scope.CARRIER, "Whole carrier " + SafeText.display(v.carrierId()), v,
                        owner));
        m.setDisable(connection == null);
        return m;
    }

    private MenuItem item(ControlVerb verb, ControlPlan.Scope scope, String text, TrunkView v, Node owner) {
        MenuItem i = new MenuItem(text);
        i.setId("action-" + verb.name().toLowerCase(java.util.Locale.ROOT) + "-" + scope.name().toLowerCase(
                java.util.Locale.ROOT));
        i.setOnAction(e -> open(verb, v, scope, owner));
        return i;
    }

    /** Opens the confirmation for {@code verb} on {@code v} (FX thread); nothing without a connected control. */
    public void open(ControlVerb verb, TrunkView v, ControlPlan.Scope scope, Node owner) {
        Connection c = connection;
        BoardSnapshot s = board.get();
        if (c == null || s == null || dialog().isPresent()) {
            return;
        }
        ControlDialog d = new ControlDialog(s, verb, v, scope, requests -> run(c, requests), c.actor(),
                Instant::now, results -> finished(c, results, owner), c.refusal().apply(verb));
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        open = d;
        d.show();
    }

    /** Every request through the control, each started on the background executor (apply may journal first). */
    private static CompletableFuture<List<ControlResult>> run(Connection c, List<ControlRequest> requests) {
        List<CompletableFuture<ControlResult>> each = requests.stream()
                .map(r -> CompletableFuture.supplyAsync(() -> c.control().apply(r), c.background())
                        .thenCompose(f -> f)).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }

    private void finished(Connection c, List<ControlResult> results, Node owner) {
        c.background().execute(() -> c.afterAction().accept(results));
        long applied = results.stream().mapToLong(r -> r.outcomes().stream().filter(o -> o.applied()).count()).sum();
        long all = results.stream().mapToLong(r -> r.outcomes().size()).sum();
        boolean ok = !results.isEmpty() && results.stream().allMatch(ControlResult::allApplied);
        String what = results.isEmpty() ? "action not sent" : results.get(0).request().verb().name().toLowerCase(
                java.util.Locale.ROOT) + " " + results.stream().map(r -> r.request().peer()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        try {
            Notifications n = Notifications.create().title(ok ? "\u2714 Applied" : "\u2716 Not applied everywhere")
                    .text(SafeText.display(what) + ": " + applied + " of " + all + " dialer(s) applied and read back")
                    .hideAfter(Duration.seconds(ok ? 6 : 20)).position(javafx.geometry.Pos.TOP_RIGHT);
            if (owner != null && owner.getScene() != null) {
                n.owner(owner.getScene().getWindow());
            }
            if (ok) {
                n.showInformation();
            } else {
                n.showWarning();
            }
        } catch (RuntimeException e) {
            LOG.warn("outcome notification not shown: {}", e.toString());
        }
    }
}
