package trunkops.app;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;

/** How the control actions are composed: the journal every {@code offline|online|drain|weight} writes to. */
final class ControlWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ControlWiring.class);

    private ControlWiring() {
    }

    /**
     * THE place where the real control journal is plugged in (the local append-only file + the trunkops_audit
     * table, issue 10). Until it is, actions run unjournaled and say so: a warning on stderr and in the log for
     * every action.
     */
    static ControlJournal journal() {
        // LEAD: replace with the audit journal, e.g. return new <AuditJournal>(AppPaths..., database...);
        return new Unjournaled();
    }

    /** No journal: writes nothing, warns on every action. Never used silently. */
    static final class Unjournaled implements ControlJournal {

        static final String WARNING = "this action is NOT journaled (no audit journal is wired in this build)";

        @Override
        public String begin(ControlRequest request, Map<String, String> before) {
            LOG.warn("{}: {} {} by {} reason '{}' before {}", WARNING, request.verb(), request.trunk(),
                    request.actor(), request.reason(), before);
            return "unjournaled";
        }

        @Override
        public void complete(String id, ControlResult result) {
            LOG.warn("{}: {} {} outcome {}", WARNING, result.request().verb(), result.request().trunk(),
                    result.outcomes());
        }

        @Override
        public List<ControlRequest> unfinished() {
            return List.of();
        }
    }
}
