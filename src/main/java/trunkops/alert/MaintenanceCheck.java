package trunkops.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import trunkops.control.MaintenanceWindow;
import trunkops.topology.TrunkKey;

/** Whether a trunk is in planned maintenance now: no alert for it then. */
@FunctionalInterface
public interface MaintenanceCheck {

    boolean covers(TrunkKey trunk, Instant now);

    MaintenanceCheck NONE = (t, now) -> false;

    /**
     * The windows of TrunkOps' maintenance table: a window covers a trunk of its technology and peer on the dialers it
     * names (all when none), from {@code grace} before an occurrence starts to {@code grace} after it ends.
     */
    static MaintenanceCheck of(List<MaintenanceWindow> windows, Duration grace) {
        List<MaintenanceWindow> copy = List.copyOf(windows);
        return (t, now) -> copy.stream().anyMatch(w -> w.tech() == t.tech() && t.tech().sameName(w.peer(), t.peer())
                && (w.serverIds().isEmpty() || w.serverIds().contains(t.serverId()))
                && (w.occurrenceAt(now).isPresent() || w.occurrenceAt(now.minus(grace)).isPresent()
                || w.occurrenceAt(now.plus(grace)).isPresent()));
    }
}
