package trunkops.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.MaintenanceStore.StoreException;
import trunkops.control.MaintenanceStore.Stored;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Tech;

/**
 * Applies the stored maintenance windows that are due. One pass ({@link #runDue()}) does two things:
 * <ol>
 * <li><b>Clean up</b>: for a window whose applied until has passed and was not cleaned up yet, asks the dialers to
 * delete the expired flags ({@code restoreExpired}; the dialplan already ignored them since their until). A flag
 * someone set again, or a window still running on the same trunk, is left alone by restoreExpired itself.</li>
 * <li><b>Apply</b>: for every trunk with a current occurrence, per dialer the latest end over the windows covering
 * it (overlapping windows merge: the effective end is the latest); one OFFLINE with {@code until} = that end per
 * group of dialers sharing it. The until is in the flag, so the window ends on time with no console running.</li>
 * </ol>
 * What was applied is marked in the store (per window: the until read back on all its targets), so a new scheduler
 * (a console restart) re-sends nothing already applied, and applies a window missed while no console ran if it is
 * still current. A group that did not apply everywhere is sent again on the next pass. Removing a window does not
 * shorten a flag already sent (the operator puts the trunk online for that). Blocking: call it off the FX thread.
 */
public final class MaintenanceScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);
    /** Stands for "every dialer with the trunk" when the cluster is not known. */
    private static final String ALL = "*";

    /** The console's side of an expiry: {@code AstDbTrunkControl::restoreExpired}. */
    @FunctionalInterface
    public interface ExpiryRestorer {
        CompletableFuture<ControlResult> restoreExpired(Tech tech, String peer, List<String> serverIds, String actor);
    }

    /** One pass: the offlines sent, the cleanups done, and what went wrong (one line each). */
    public record Tick(Instant at, List<ControlResult> applied, List<ControlResult> restored, List<String> problems) {
        public Tick {
            applied = List.copyOf(applied);
            restored = List.copyOf(restored);
            problems = List.copyOf(problems);
        }

        /** Nothing failed: every result applied everywhere and no problem. */
        public boolean ok() {
            return problems.isEmpty() && applied.stream().allMatch(ControlResult::allApplied)
                    && restored.stream().allMatch(r -> r.outcomes().stream().allMatch(DialerOutcome::applied));
        }
    }

    private final MaintenanceStore store;
    private final TrunkControl control;
    private final ExpiryRestorer restorer;
    private final Supplier<Optional<ClusterTopology>> topology;
    private final Clock clock;
    private final String actor;
    private final Duration wait;

    /**
     * @param actor who the journal names for the scheduler's actions (the console's user@host)
     * @param wait  how long one action may take before the pass gives up on it (it is retried on the next pass)
     */
    public MaintenanceScheduler(MaintenanceStore store, TrunkControl control, ExpiryRestorer restorer,
                                Supplier<Optional<ClusterTopology>> topology, Clock clock, String actor,
                                Duration wait) {
        this.store = store;
        this.control = control;
        this.restorer = restorer;
        this.topology = topology;
        this.clock = clock;
        this.actor = actor;
        this.wait = wait;
    }

    /** Runs {@link #runDue()} every {@code period} on {@code executor}, handing each pass to {@code onTick}. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration period, Consumer<Tick> onTick) {
        return executor.scheduleWithFixedDelay(() -> {
            try {
                onTick.accept(runDue());
            } catch (StoreException | RuntimeException e) {
                LOG.warn("maintenance windows not applied this pass: {}", e.getMessage());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass at the clock's now. */
    public Tick runDue() throws StoreException {
        Instant now = clock.instant();
        List<Stored> all = store.windows();
        List<String> problems = new ArrayList<>();
        List<Stored> ended = new ArrayList<>(all);
        ended.addAll(store.removedNotCleanedUp());
        List<ControlResult> restored = cleanUp(ended, now, problems);
        List<ControlResult> applied = new ArrayList<>();
        Map<String, List<Stored>> byTrunk = new TreeMap<>();
        for (Stored s : all) {
            if (s.window().occurrenceAt(now).isPresent()) {
                byTrunk.computeIfAbsent(trunkKey(s.window()), k -> new ArrayList<>()).add(s);
            }
        }
        for (List<Stored> current : byTrunk.values()) {
            applied.addAll(apply(current, now, problems));
        }
        return new Tick(now, applied, restored, problems);
    }

    private List<ControlResult> cleanUp(List<Stored> all, Instant now, List<String> problems) {
        List<ControlResult> out = new ArrayList<>();
        for (Stored s : all) {
            Optional<Instant> until = s.appliedUntil();
            if (until.isEmpty() || until.get().isAfter(now) || until.equals(s.restoredUntil())) {
                continue;
            }
            MaintenanceWindow w = s.window();
            Optional<ControlResult> r = await(restorer.restoreExpired(w.tech(), w.peer(), w.serverIds(), actor),
                    "cleanup of window #" + s.id(), problems);
            if (r.isEmpty()) {
                continue;
            }
            out.add(r.get());
            if (r.get().outcomes().stream().allMatch(DialerOutcome::applied)) {
                mark(problems, "restored", () -> store.markRestored(s.id(), until.get()));
            }
        }
        return out;
    }

    /** The windows of one trunk current now: per dialer the latest end, one offline per group sharing an end. */
    private List<ControlResult> apply(List<Stored> current, Instant now, List<String> problems) {
        Map<String, Instant> untilOf = new LinkedHashMap<>();
        Map<String, Set<Stored>> coveredBy = new HashMap<>();
        for (Stored s : current) {
            Instant end = s.window().occurrenceAt(now).orElseThrow().end();
            for (String d : dialers(s.window())) {
                untilOf.merge(d, end, (a, b) -> a.isAfter(b) ? a : b);
                coveredBy.computeIfAbsent(d, k -> new HashSet<>()).add(s);
            }
        }
        if (untilOf.containsKey(ALL)) { // an explicit dialer is covered by the "all" windows too
            Instant star = untilOf.get(ALL);
            untilOf.replaceAll((d, u) -> u.isAfter(star) ? u : star);
            coveredBy.forEach((d, set) -> set.addAll(coveredBy.get(ALL)));
        }
        Map<Instant, List<String>> groups = new TreeMap<>();
        untilOf.forEach((d, u) -> groups.computeIfAbsent(u, k -> new ArrayList<>()).add(d));
        List<List<String>> order = new ArrayList<>(groups.values());
        order.sort(Comparator.comparing(g -> !g.contains(ALL))); // "all" first: the later explicit ones win
        List<ControlResult> out = new ArrayList<>();
        Set<Stored> failed = new HashSet<>();
        Map<Stored, Instant> sent = new HashMap<>();
        for (List<String> dialers : order) {
            Instant until = untilOf.get(dialers.get(0));
            Set<Stored> contributors = new HashSet<>();
            dialers.forEach(d -> contributors.addAll(coveredBy.get(d)));
            contributors.forEach(s -> sent.merge(s, until, (a, b) -> a.isAfter(b) ? a : b));
            if (contributors.stream().allMatch(s -> s.appliedUntil().filter(u -> !u.isBefore(until)).isPresent())) {
                continue; // applied before (an earlier pass, another console run): not re-sent
            }
            ControlRequest r = request(contributors, dialers.contains(ALL) ? List.of() : dialers, until, now);
            Optional<ControlResult> result = await(control.apply(r), "offline of " + r.trunk(), problems);
            result.ifPresent(out::add);
            if (result.isEmpty() || !result.get().allApplied()) {
                failed.addAll(contributors);
            }
        }
        sent.forEach((s, until) -> {
            if (!failed.contains(s) && s.appliedUntil().filter(u -> !u.isBefore(until)).isEmpty()) {
                mark(problems, "applied", () -> store.markApplied(s.id(), until));
            }
        });
        return out;
    }

    private List<String> dialers(MaintenanceWindow w) {
        if (!w.serverIds().isEmpty()) {
            return w.serverIds();
        }
        Optional<ClusterTopology> t = topology.get();
        if (t.isEmpty()) {
            return List.of(ALL);
        }
        List<String> with = ControlValidator.dialersWith(t.get(), MaintenanceValidator.offline(w, Optional.empty()));
        return with.isEmpty() ? List.of(ALL) : with;
    }

    /** The offline for a group: reason and ticket of the window that ends last (the one the until comes from). */
    private ControlRequest request(Set<Stored> contributors, List<String> serverIds, Instant until, Instant now) {
        List<Stored> byId = contributors.stream().sorted(Comparator.comparingLong(Stored::id)).toList();
        Stored lead = byId.stream().max(Comparator.comparing((Stored s) -> s.window().occurrenceAt(now).orElseThrow()
                .end()).thenComparingLong(Stored::id)).orElseThrow();
        String ids = String.join(", ", byId.stream().map(s -> "#" + s.id()).toList());
        String reason = "maintenance window " + ids + ": " + lead.window().reason();
        if (reason.length() > ControlValidator.MAX_REASON) {
            reason = reason.substring(0, ControlValidator.MAX_REASON);
        }
        MaintenanceWindow w = lead.window();
        return new ControlRequest(ControlVerb.OFFLINE, w.tech(), w.peer(), serverIds, Optional.empty(),
                OptionalInt.empty(), Optional.of(until), reason, w.ticket(), actor);
    }

    private Optional<ControlResult> await(CompletableFuture<ControlResult> f, String what, List<String> problems) {
        try {
            return Optional.of(f.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(what + ": interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            problems.add(what + ": no result within " + wait.toMillis() + " ms (" + e + "); tried again next pass");
        }
        return Optional.empty();
    }

    private interface StoreWrite {
        void run() throws StoreException;
    }

    private static void mark(List<String> problems, String what, StoreWrite write) {
        try {
            write.run();
        } catch (StoreException e) {
            problems.add("could not mark a window " + what + " (" + e.getMessage() + "); it is sent again next pass");
        }
    }

    private static String trunkKey(MaintenanceWindow w) {
        return w.tech() + "/" + (w.tech().caseInsensitiveNames() ? w.peer().toLowerCase(Locale.ROOT) : w.peer());
    }
}
