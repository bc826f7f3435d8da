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
     * THE place where the control journal is plugged in: the audit journal (docs/audit.md), which {@link ControlRun}
     * binds to the command's cluster and asks whether the person's role allows the action before anything is sent.
     */
    static ControlJournal journal() {
        return new Audit();
    }

    /**
     * The audit journal of one command: unbound until {@link #bind} names the cluster ({@code --jdbc} URL or
     * {@code ami:host:port}); then this machine's local journal, entries marked with that cluster (a console or
     * {@code audit --sync} of the cluster copies them to its table). Unbound, it refuses to journal, so nothing is
     * sent.
     */
    static final class Audit implements ControlJournal {

        private final java.nio.file.Path policyFile;
        private volatile CliAudit audit;

        /** With the installed role policy ({@link trunkops.control.audit.RolePolicy#defaultFile()}). */
        Audit() {
            this(trunkops.control.audit.RolePolicy.defaultFile());
        }

        /** With the role policy in {@code policyFile} (tests: one that does not exist, whatever this machine has). */
        Audit(java.nio.file.Path policyFile) {
            this.policyFile = policyFile;
        }

        CliAudit bind(String target) throws JournalException {
            audit = CliAudit.open(policyFile, AppPaths.auditJournal(), target, null);
            return audit;
        }

        private ControlJournal bound() throws JournalException {
            CliAudit a = audit;
            if (a == null) {
                throw new JournalException("the audit journal was not bound to a cluster", null);
            }
            return a.journal();
        }

        @Override
        public String begin(ControlRequest request, Map<String, String> before) throws JournalException {
            return bound().begin(request, before);
        }

        @Override
        public void complete(String id, ControlResult result) throws JournalException {
            bound().complete(id, result);
        }

        @Override
        public List<ControlRequest> unfinished() throws JournalException {
            return bound().unfinished();
        }
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
