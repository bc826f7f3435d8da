package trunkops.push;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One dialer of a push stage (or of its rollback): wait for the keepalive to clear the dialer's rebuild flag (up to
 * the reload timeout), then read it back until it matches or the grace is over; the push's stage is cancellable
 * and journaled as a WAIT and a VERIFY step.
 */
final class DialerSettle {

    /** Sleeps one poll; true when the job was cancelled and the wait is {@code cancellable}. */
    @FunctionalInterface
    interface Pause {
        boolean pause(boolean cancellable) throws InterruptedException;
    }

    /** The job's progress callback. */
    @FunctionalInterface
    interface Progress {
        void at(String serverId, PushJob.Step step, Duration waited, String detail);
    }

    private final PushStore store;
    private final DialplanReader reader;
    private final PushJob.Settings settings;
    private final PushStepLog steps;
    private final String route;
    private final BooleanSupplier cancelled;
    private final Pause pause;
    private final Progress progress;

    DialerSettle(PushStore store, DialplanReader reader, PushJob.Settings settings, PushStepLog steps, String route,
                 BooleanSupplier cancelled, Pause pause, Progress progress) {
        this.store = store;
        this.reader = reader;
        this.settings = settings;
        this.steps = steps;
        this.route = route;
        this.cancelled = cancelled;
        this.pause = pause;
        this.progress = progress;
    }

    /**
     * Waits for the flag to clear, then reads back until it matches or the grace is over. {@code pushing}: the
     * push's own stage (cancellable, journaled as WAIT and VERIFY); otherwise the rollback's.
     */
    Optional<String> settle(PushStore.Dialer d, Optional<RouterRow> want, Optional<RouterRow> replaced,
                                    boolean pushing) throws PushException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> one = List.of(d.serverId());
        String wait = pushing ? steps.begin(PushStepLog.Phase.WAIT, one, "rebuild flag set, waiting for the"
                + " keepalive") : "";
        try {
            while (store.rebuildPending(d.serverIp())) {
                Duration waited = Duration.ofNanos(System.nanoTime() - t0);
                if (waited.compareTo(settings.reloadTimeout()) > 0) {
                    String why = "rebuild_conf_files still 'Y' after " + waited.toSeconds()
                            + " s: is the keepalive running (cron ADMIN_keepalive_ALL.pl)?";
                    endIf(pushing, wait, one, false, why);
                    return Optional.of(why);
                }
                progress.at(d.serverId(), PushJob.Step.WAIT_RELOAD, waited, "waiting for the keepalive (expected within ~60 s)");
                if (pause.pause(pushing)) {
                    endIf(pushing, wait, one, false, PushJob.CANCELLED + " while waiting");
                    return Optional.of(PushJob.CANCELLED);
                }
            }
        } catch (PushException e) {
            endIf(pushing, wait, one, false, e.getMessage());
            throw e;
        }
        endIf(pushing, wait, one, true, "flag cleared after " + Duration.ofNanos(System.nanoTime() - t0)
                .toMillis() + " ms");
        String verify = pushing ? steps.begin(PushStepLog.Phase.VERIFY, one, "ShowDialPlan " + Verifier.CONTEXT
                + " for " + want.map(r -> PlanText.of(r.dialplanEntry()).marker().orElse("no marker"))
                .orElse("no route")) : "";
        long t1 = System.nanoTime();
        Optional<String> bad = Optional.empty();
        try {
            do {
                bad = ReadBack.check(reader, route, d, want, replaced);
                progress.at(d.serverId(), PushJob.Step.VERIFY, Duration.ofNanos(System.nanoTime() - t0), bad.orElse("verified"));
                if (bad.isPresent() && pushing && cancelled.getAsBoolean()) {
                    bad = Optional.of(PushJob.CANCELLED + " during the read-back (" + bad.get() + ")");
                    break;
                }
            } while (bad.isPresent() && System.nanoTime() - t1 < settings.verifyGrace().toNanos()
                    && !pause.pause(pushing));
        } catch (PushException e) {
            endIf(pushing, verify, one, false, e.getMessage());
            throw e;
        }
        if (bad.isPresent() && pushing && cancelled.getAsBoolean() && !bad.get().startsWith(PushJob.CANCELLED)) {
            bad = Optional.of(PushJob.CANCELLED + " during the read-back (" + bad.get() + ")");
        }
        endIf(pushing, verify, one, bad.isEmpty(), bad.orElse("verified"));
        return bad;
    }

    private void endIf(boolean pushing, String id, List<String> servers, boolean ok, String detail) {
        if (pushing) { // the rollback's waits are journaled as one ROLLBACK_VERIFY per dialer by the job
            steps.end(id, PushJob.outcomes(servers, ok, detail));
        }
    }

}
