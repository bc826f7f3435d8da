package trunkops.routing.ui;

import javafx.scene.Node;

import trunkops.routing.RouteVersion;

/** Opens the push window (another feature's view, wired by the app: the Routes tab does not push by itself). */
public interface PushActions {

    /** Push the latest saved version of a route. */
    void push(Node from, RouteVersion latest);

    /** Push an earlier version {@code to} again (a rollback) while {@code latest} is the newest saved. */
    void rollback(Node from, RouteVersion to, RouteVersion latest);
}
