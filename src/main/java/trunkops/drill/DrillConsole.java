package trunkops.drill;

import java.io.IOException;
import java.util.List;

import trunkops.control.TrunkControl;
import trunkops.routing.RouteVersion;

/**
 * What the drill wizard needs from the console session (composed in {@code trunkops.app}): the routes, the dialers,
 * who acts, the role check, the drill journal, and a link to one dialer for one drill.
 */
public interface DrillConsole {

    List<RouteVersion> routes();

    List<String> dialers();

    String actor();

    DrillRoleCheck role();

    DrillJournal journal();

    /** Told once a drill has its report (off the FX thread): the session publishes it as an alert. */
    default void reported(DrillReport report) {
    }

    /** The cluster's scheduled drills, when the session keeps them (the Drills tab edits them). */
    default java.util.Optional<ScheduleFile> schedules() {
        return java.util.Optional.empty();
    }

    /** Opens the drill's links to dialer {@code serverId} (closed by the wizard when the drill ends). */
    Session open(String serverId) throws IOException;

    /** A drill's dialer link and the control that takes A out and back, closed together. */
    record Session(DrillLine line, TrunkControl control, AutoCloseable links) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            links.close();
        }
    }
}
