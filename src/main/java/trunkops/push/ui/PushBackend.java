package trunkops.push.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import trunkops.push.ChangeSet;
import trunkops.push.PushException;
import trunkops.push.PushJob;
import trunkops.push.PushReport;
import trunkops.push.PushStore;
import trunkops.push.RouterRow;
import trunkops.routing.LintFinding;
import trunkops.routing.RouteVersion;

/**
 * What the push dialog needs from the cluster (implemented in {@code trunkops.app.PushWiring}). FX-free; every
 * method but {@link #refusal()} blocks on the database or AMI and is called off the FX thread.
 */
public interface PushBackend {

    /**
     * One route version ready to push: its change set, every lint finding (the text's own and those that need the
     * cluster, e.g. a pattern another carrier already serves) and the canary the job will start with.
     */
    record Prepared(ChangeSet change, List<LintFinding> findings, PushStore.Dialer canary) {
        public Prepared {
            findings = List.copyOf(findings);
        }

        public boolean lintErrors() {
            return change.lintErrors() || findings.stream().anyMatch(LintFinding::isError);
        }
    }

    /** Why the person at the console may not push now (not an engineer, no audit journal); empty when they may. */
    Optional<String> refusal();

    /** Reads the live row and the dialers and builds the change set of {@code v}. */
    Prepared prepare(RouteVersion v) throws PushException;

    /**
     * Runs the push of {@code p} to its end on the calling thread, journaled; {@code progress} gets every step (on
     * this thread); {@code cancel} is attached to the job before it starts.
     */
    PushReport run(Prepared p, Consumer<PushJob.Progress> progress, CancelSwitch cancel) throws InterruptedException;

    /** The route's live row now (for the three-way view after a push stopped because it changed). */
    Optional<RouterRow> live(String carrierId) throws PushException;

    /** How long the job waits for a keepalive before it gives up (shown beside the time waited). */
    java.time.Duration reloadTimeout();

    /** A cancel that may come before the job exists: it is passed on as soon as the job is attached. */
    final class CancelSwitch {
        private PushJob job;
        private boolean cancelled;

        public synchronized void attach(PushJob j) {
            job = j;
            if (cancelled) {
                j.cancel();
            }
        }

        public synchronized void cancel() {
            cancelled = true;
            if (job != null) {
                job.cancel();
            }
        }

        public synchronized boolean cancelled() {
            return cancelled;
        }
    }
}
