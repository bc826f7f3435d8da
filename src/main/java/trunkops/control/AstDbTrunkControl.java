package trunkops.control;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.AstDbLink.AstDbException;
import trunkops.control.DialerOutcome.Status;
import trunkops.topology.ClusterTopology;

/**
 * {@link TrunkControl} on ASTDB: for every dialer the request names (or every dialer whose carriers define the
 * trunk) it reads the key as it is (for the journal), journals the action (nothing is sent when that fails), then
 * writes ({@code DBPut}, or {@code DBDel} for online) and reads back ({@code DBGet}), comparing with what it wrote.
 * Dialers run in parallel, each on its own thread with its own timeout: a hung dialer is UNREACHABLE after the
 * timeout and holds no other dialer up.
 */
public final class AstDbTrunkControl implements TrunkControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AstDbTrunkControl.class);

    private final Map<String, AstDbLink> links;
    private final Supplier<Optional<ClusterTopology>> topology;
    private final ControlJournal journal;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService pool;

    /**
     * @param links    every dialer's ASTDB link, by server id
     * @param topology the cluster (to find the dialers that have a trunk and refuse unknown ones); empty when only
     *                 the links are known (a single {@code --ami})
     * @param timeout  per dialer and per phase (read before, then write + read back)
     */
    public AstDbTrunkControl(Map<String, ? extends AstDbLink> links, Supplier<Optional<ClusterTopology>> topology,
                             ControlJournal journal, Duration timeout, Clock clock) {
        this.links = new LinkedHashMap<>(links);
        this.topology = topology;
        this.journal = journal;
        this.timeout = timeout;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "control-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        });
    }

    /** The ASTDB key (in family {@link AdminFlag#FAMILY}) and the value a request writes (empty: delete). */
    public record Write(String key, Optional<String> value) {
    }

    /** What {@code r} writes; {@code r} must be valid ({@link ControlValidator}). */
    public static Write write(ControlRequest r) {
        return switch (r.verb()) {
            case OFFLINE -> new Write(AdminFlag.key(r.peer()),
                    new AdminFlag(AdminState.OFFLINE, r.until()).value());
            case DRAIN -> new Write(AdminFlag.key(r.peer()), new AdminFlag(AdminState.DRAIN, r.until()).value());
            case ONLINE -> new Write(AdminFlag.key(r.peer()), Optional.empty());
            case WEIGHT -> new Write("weight/" + r.route().orElseThrow() + "/" + r.peer(),
                    Optional.of(Integer.toString(r.value().orElseThrow())));
            case MAX_CALLS -> new Write("max/" + r.route().orElseThrow() + "/" + r.peer(),
                    Optional.of(Integer.toString(r.value().orElseThrow())));
            case REROUTE, REROUTE_RESTORE, CARRIER_INACTIVE, CARRIER_ACTIVE, ROUTE_PUSH, ROUTE_PUSH_STEP,
                    ALERT_SILENCE ->
                    throw new IllegalArgumentException(r.verb() + " is one of ViciDial's levers, not an ASTDB write");
        };
    }

    /** The dialers {@code r} goes to: those it names, else those that have the trunk, else every known link. */
    public List<String> targets(ControlRequest r) {
        if (!r.serverIds().isEmpty()) {
            return r.serverIds();
        }
        return topology.get().map(t -> ControlValidator.dialersWith(t, r)).orElse(List.copyOf(links.keySet()));
    }

    @Override
    public CompletableFuture<ControlResult> apply(ControlRequest r) {
        return CompletableFuture.supplyAsync(() -> run(r), pool).exceptionally(e -> {
            LOG.error("control action {} {} failed unexpectedly", r.verb(), r.trunk(), e);
            return everywhere(r, targets(r), Status.FAILED, "internal error: " + e, Duration.ZERO);
        });
    }

    private ControlResult run(ControlRequest r) {
        List<String> targets = targets(r);
        List<String> problems = ControlValidator.problems(r, clock.instant(), topology.get());
        if (!problems.isEmpty()) {
            return everywhere(r, targets, Status.FAILED, "refused: " + String.join("; ", problems), Duration.ZERO);
        }
        Write w = write(r);
        return execute(r, targets, readBefore(targets, w.key()));
    }

    /**
     * The console's side of an expiry (the dialplan already ignores an expired flag): on every dialer that has the
     * trunk, deletes {@code trunkops/admin/<peer>} where it still holds an offline or drain whose until has passed,
     * journaled as an online by {@code actor}, read back. Dialers holding anything else (no flag, a flag without
     * expiry or not yet expired: someone set a new one) are left alone and are not in the result; an empty result
     * means nothing had expired.
     */
    public CompletableFuture<ControlResult> restoreExpired(trunkops.topology.Tech tech, String peer,
                                                           List<String> serverIds, String actor) {
        ControlRequest online = new ControlRequest(ControlVerb.ONLINE, tech, peer, serverIds, Optional.empty(),
                java.util.OptionalInt.empty(), Optional.empty(), "maintenance window ended (flag expired)",
                Optional.empty(), actor);
        return CompletableFuture.supplyAsync(() -> {
            if (!ControlValidator.problems(online, clock.instant()).isEmpty()) {
                return new ControlResult(online, List.of(), Duration.ZERO);
            }
            List<String> targets = targets(online);
            Map<String, String> before = readBefore(targets, AdminFlag.key(peer));
            java.time.Instant now = clock.instant();
            List<String> expired = targets.stream().filter(id -> {
                AdminFlag f = AdminFlag.parse(before.get(id));
                return f.state() != AdminState.IN_SERVICE && f.effectiveAt(now) == AdminState.IN_SERVICE;
            }).toList();
            if (expired.isEmpty()) {
                return new ControlResult(online, List.of(), Duration.ZERO);
            }
            Map<String, String> expiredBefore = new LinkedHashMap<>();
            expired.forEach(id -> expiredBefore.put(id, before.get(id)));
            return execute(online, expired, expiredBefore);
        }, pool);
    }

    /** Journals, sends to every target in parallel, reads back, completes the journal. */
    private ControlResult execute(ControlRequest r, List<String> targets, Map<String, String> before) {
        Write w = write(r);
        String entry;
        try {
            entry = journal.begin(r, before);
        } catch (ControlJournal.JournalException | RuntimeException e) {
            LOG.error("journal refused {} {}: nothing sent", r.verb(), r.trunk(), e);
            return everywhere(r, targets, Status.FAILED, "not sent: the journal could not be written ("
                    + e.getMessage() + ")", Duration.ZERO);
        }
        long t0 = System.nanoTime();
        List<CompletableFuture<DialerOutcome>> each = new ArrayList<>();
        for (String id : targets) {
            String unread = before.get(id);
            if (unread != null && unread.startsWith(UNREACHABLE)) {
                each.add(CompletableFuture.completedFuture(new DialerOutcome(id, Status.UNREACHABLE,
                        unread.substring(UNREACHABLE.length()) + " (not sent)")));
                continue;
            }
            each.add(timed(id, () -> send(id, w, unread == null ? "(none)" : unread)));
        }
        List<DialerOutcome> outcomes = each.stream().map(CompletableFuture::join).toList();
        ControlResult result = new ControlResult(r, outcomes, Duration.ofNanos(System.nanoTime() - t0));
        try {
            journal.complete(entry, result);
        } catch (ControlJournal.JournalException | RuntimeException e) {
            LOG.error("journal entry {} could not be completed (the action was sent): {}", entry, result, e);
        }
        return result;
    }

    private static final String UNREACHABLE = "unreachable: ";

    /** Each target's value before (absent: "(none)"); an unreadable dialer is marked {@code unreachable: why}. */
    private Map<String, String> readBefore(List<String> targets, String key) {
        Map<String, CompletableFuture<String>> reads = new LinkedHashMap<>();
        for (String id : targets) {
            AstDbLink link = links.get(id);
            if (link == null) {
                reads.put(id, CompletableFuture.completedFuture(UNREACHABLE + "no AMI access configured for " + id));
                continue;
            }
            reads.put(id, CompletableFuture.supplyAsync(() -> {
                try {
                    return link.get(AdminFlag.FAMILY, key).orElse("(none)");
                } catch (AstDbException e) {
                    return e.unreachable() ? UNREACHABLE + e.getMessage() : "(unreadable: " + e.getMessage() + ")";
                }
            }, pool).completeOnTimeout(UNREACHABLE + "no answer within " + timeout.toMillis() + " ms",
                    timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        Map<String, String> out = new LinkedHashMap<>();
        reads.forEach((id, f) -> out.put(id, f.join()));
        return out;
    }

    private CompletableFuture<DialerOutcome> timed(String id, Supplier<DialerOutcome> step) {
        return CompletableFuture.supplyAsync(step, pool).completeOnTimeout(new DialerOutcome(id, Status.UNREACHABLE,
                "no answer within " + timeout.toMillis() + " ms"), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes, reads back and compares on one dialer (on a pool thread; blocking is fine here). An applied outcome
     * says what the dialer held before ({@code read back X, before Y}), so a change someone else made just before
     * (a second operator) is seen, never silently lost.
     */
    private DialerOutcome send(String id, Write w, String before) {
        AstDbLink link = links.get(id);
        try {
            if (w.value().isPresent()) {
                link.put(AdminFlag.FAMILY, w.key(), w.value().get());
            } else {
                link.delete(AdminFlag.FAMILY, w.key());
            }
            Optional<String> back = link.get(AdminFlag.FAMILY, w.key());
            if (back.equals(w.value())) {
                return new DialerOutcome(id, Status.APPLIED, "read back " + back.orElse("(none)") + ", before "
                        + ControlValidator.printable(before));
            }
            return new DialerOutcome(id, Status.FAILED, "wrote " + w.value().orElse("(delete)") + " but read back "
                    + back.map(v -> "'" + ControlValidator.printable(v) + "'").orElse("no entry"));
        } catch (AstDbException e) {
            return new DialerOutcome(id, e.unreachable() ? Status.UNREACHABLE : Status.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("control on {} failed", id, e);
            return new DialerOutcome(id, Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private static ControlResult everywhere(ControlRequest r, List<String> targets, Status s, String why,
                                            Duration took) {
        List<String> ids = targets.isEmpty() ? List.of("(no dialer)") : targets;
        return new ControlResult(r, ids.stream().map(id -> new DialerOutcome(id, s, why)).toList(), took);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
