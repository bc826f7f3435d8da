package trunkops.lab.ami;

/** Handles one manager action on the PBX thread. */
@FunctionalInterface
public interface ActionHandler {
    void handle(ActionContext ctx);
}
