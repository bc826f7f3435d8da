package trunkops.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import trunkops.ami.AmiControlLinks;
import trunkops.ami.AmiTarget;
import trunkops.ami.AmiTls;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.DialerOutcome;
import trunkops.control.TrunkControl;
import trunkops.topology.DialerServer;

/**
 * The console's real control for the board (a {@link ControlBoardWiring.Factory}): the control core's
 * {@link AstDbTrunkControl} on a change link per dialer of the first topology ({@link AmiControlLinks}, logged in
 * on first use with the console's AMI user), journaling to the session's audit journal; an action is refused, with
 * nothing sent, while the audit is not open or when the person's role does not allow it.
 */
final class ConsoleControl implements TrunkControl, ControlBoardWiring.Restorer, ControlBoardWiring.Guard,
        AutoCloseable {

    static final int TIMEOUT_MS = 3_000;

    private final AmiControlLinks links;
    private final AstDbTrunkControl control;
    private final Supplier<Optional<AuditWiring>> audit;
    private volatile ControlHousekeeping housekeeping;

    private ConsoleControl(AmiControlLinks links, AstDbTrunkControl control, Supplier<Optional<AuditWiring>> audit) {
        this.links = links;
        this.control = control;
        this.audit = audit;
    }

    /** The factory a session passes to {@link ConsoleSession#start}; {@code audit} is the session's audit. */
    static ControlBoardWiring.Factory factory(Supplier<Optional<AuditWiring>> audit) {
        return (access, first, current) -> {
            AmiTls tls = access.amiTls();
            List<AmiTarget> targets = first.servers().stream().filter(DialerServer::dials)
                    .map(s -> new AmiTarget(s.serverId(), s.ami().host(), tls == null ? s.ami().port() : tls.port(),
                            access.amiUser(), tls)).toList();
            AmiControlLinks links = new AmiControlLinks(targets, t -> access.amiSecret(), TIMEOUT_MS);
            AstDbTrunkControl c = new AstDbTrunkControl(links.links(), current, new SessionJournal(audit),
                    Duration.ofMillis(TIMEOUT_MS), Clock.systemUTC());
            ConsoleControl control = new ConsoleControl(links, c, audit);
            control.housekeeping = ControlHousekeeping.start(access, c, links.links(), current, audit);
            return control;
        };
    }

    @Override
    public CompletableFuture<ControlResult> apply(ControlRequest r) {
        Optional<String> refused = refusal(r.verb());
        if (refused.isPresent()) {
            String why = "refused: " + refused.get();
            return CompletableFuture.completedFuture(new ControlResult(r, r.serverIds().stream().map(s ->
                    new DialerOutcome(s, DialerOutcome.Status.FAILED, why)).toList(), Duration.ZERO));
        }
        return control.apply(r);
    }

    /** Why the person may not do {@code verb} now (no open audit journal, or the role), empty when they may. */
    @Override
    public Optional<String> refusal(trunkops.control.ControlVerb verb) {
        Optional<AuditWiring> a = audit.get();
        if (a.isEmpty()) {
            return Optional.of("the audit journal is not open, nothing is sent unjournaled");
        }
        var d = a.get().policy().check(a.get().identity(), verb);
        return d.allowed() ? Optional.empty() : Optional.of(d.message());
    }

    /** Deletes expired flags (journaled as online); refused like an action while the audit is not open. */
    @Override
    public CompletableFuture<ControlResult> restoreExpired(trunkops.topology.Tech tech, String peer,
                                                           List<String> serverIds, String actor) {
        if (audit.get().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit journal is not open"));
        }
        return control.restoreExpired(tech, peer, serverIds, actor);
    }

    /** Who acts, as the audit names them (user@host), when the audit is open. */
    static Optional<String> actor(Supplier<Optional<AuditWiring>> audit) {
        return audit.get().map(a -> a.identity().who());
    }

    @Override
    public void close() {
        try {
            ControlHousekeeping h = housekeeping;
            if (h != null) {
                h.close();
            }
            control.close();
        } finally {
            links.close();
        }
    }

    /** The session's audit journal, looked up at each action (it opens after the session starts). */
    private record SessionJournal(Supplier<Optional<AuditWiring>> audit) implements ControlJournal {
        private ControlJournal journal() throws JournalException {
            return audit.get().orElseThrow(() -> new JournalException("the audit journal is not open", null))
                    .journal();
        }

        @Override
        public String begin(ControlRequest request, Map<String, String> before) throws JournalException {
            return journal().begin(request, before);
        }

        @Override
        public void complete(String id, ControlResult result) throws JournalException {
            journal().complete(id, result);
        }

        @Override
        public List<ControlRequest> unfinished() throws JournalException {
            return journal().unfinished();
        }
    }
}
