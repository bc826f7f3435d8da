package trunkops.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.topology.Tech;

/**
 * A push's steps as audit journal entries: one {@link ControlVerb#ROUTE_PUSH_STEP} entry per step (peer = the
 * route, route = the step's {@link PushStepLog.Phase} name, value = the version pushed, servers = the step's
 * dialers, before = the step's detail per dialer), completed with one outcome per dialer (APPLIED when the step
 * succeeded there, FAILED otherwise, with the detail). A journal failure is logged and counted, never thrown: the
 * push's own {@link ControlVerb#ROUTE_PUSH} entry was made durable before the push started.
 */
public final class JournalStepLog implements PushStepLog {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStepLog.class);

    private final ControlJournal journal;
    private final String route;
    private final int version;
    private final String reason;
    private final String actor;
    private final Map<String, Begun> open = Collections.synchronizedMap(new HashMap<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private record Begun(ControlRequest request, long startedNanos) {
    }

    public JournalStepLog(ControlJournal journal, String route, int version, String reason, String actor) {
        this.journal = journal;
        this.route = route;
        this.version = version;
        this.reason = reason;
        this.actor = actor;
    }

    @Override
    public String begin(Phase phase, List<String> serverIds, String detail) {
        ControlRequest r = new ControlRequest(ControlVerb.ROUTE_PUSH_STEP, Tech.SIP, route, serverIds,
                Optional.of(phase.name()), OptionalInt.of(version), Optional.empty(), reason, Optional.empty(),
                actor);
        Map<String, String> before = new LinkedHashMap<>();
        (serverIds.isEmpty() ? List.of("cluster") : serverIds).forEach(s -> before.put(s, detail));
        try {
            String id = journal.begin(r, before);
            open.put(id, new Begun(r, System.nanoTime()));
            return id;
        } catch (ControlJournal.JournalException | RuntimeException e) {
            failed("push step " + phase + " not journaled: " + e.getMessage());
            return "";
        }
    }

    @Override
    public void end(String id, List<Outcome> outcomes) {
        Begun b = open.remove(id);
        if (b == null) {
            return; // its begin failed (already counted)
        }
        List<DialerOutcome> out = outcomes.stream().map(o -> new DialerOutcome(o.serverId(), o.ok()
                ? DialerOutcome.Status.APPLIED : DialerOutcome.Status.FAILED, o.detail())).toList();
        try {
            journal.complete(id, new ControlResult(b.request(), out, Duration.ofNanos(System.nanoTime()
                    - b.startedNanos())));
        } catch (ControlJournal.JournalException | RuntimeException e) {
            failed("push step " + b.request().route().orElse("") + " not completed in the journal: "
                    + e.getMessage());
        }
    }

    /** The journal failures so far, one sentence each (the CLI prints them as warnings). */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private void failed(String why) {
        LOG.warn("{}", why);
        failures.add(why);
    }
}
