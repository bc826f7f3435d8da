package trunkops.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.AdminState;
import trunkops.control.ControlJournal;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.audit.AuditEntry;
import trunkops.health.AdminNote;
import trunkops.health.AdminNotes;

/**
 * Who forced a trunk and why, for every console of the cluster: the board's {@link AdminNotes} answered from the
 * audit (the cluster's table plus this machine's journal), re-read every {@link #PERIOD} on a thread of its own, so
 * an offline another operator or a maintenance window set shows its person and reason. The board asks from memory
 * only; the note explains a flag only when it set the same state and expiry (AdminNote#explains).
 */
final class AuditNotes implements AdminNotes, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditNotes.class);
    static final Duration PERIOD = Duration.ofSeconds(30);
    /** How far back the audit is read: an offline with no expiry set longer ago shows without who/why. */
    static final Duration LOOKBACK = Duration.ofDays(30);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-notes");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} died", th.getName(), e));
        return t;
    });
    private volatile Map<String, AdminNote> notes = Map.of();

    /** Starts re-reading {@code audit} (the session's, once open) at once and every {@link #PERIOD}. */
    static AuditNotes start(Supplier<Optional<AuditWiring>> audit, Clock clock) {
        AuditNotes n = new AuditNotes();
        n.executor.scheduleWithFixedDelay(() -> audit.get().ifPresent(a -> {
            try {
                n.notes = notes(a.entriesSince(clock.instant().minus(LOOKBACK)));
            } catch (ControlJournal.JournalException | RuntimeException e) {
                LOG.debug("audit notes not refreshed: {}", e.getMessage());
            }
        }), 1, PERIOD.toSeconds(), TimeUnit.SECONDS);
        return n;
    }

    @Override
    public Optional<AdminNote> latest(String serverId, String peer) {
        return Optional.ofNullable(notes.get(key(serverId, peer)));
    }

    /** The newest offline or drain per dialer and peer among {@code entries}, where it applied. */
    static Map<String, AdminNote> notes(List<AuditEntry> entries) {
        Map<String, AdminNote> out = new HashMap<>();
        for (AuditEntry e : entries) {
            if ((e.verb() != ControlVerb.OFFLINE && e.verb() != ControlVerb.DRAIN) || e.completion().isEmpty()) {
                continue;
            }
            AdminState state = e.verb() == ControlVerb.OFFLINE ? AdminState.OFFLINE : AdminState.DRAIN;
            Instant at = e.completion().get().at();
            for (DialerOutcome o : e.completion().get().outcomes()) {
                if (o.applied()) {
                    AdminNote n = new AdminNote(o.serverId(), e.peer(), state, e.until(), e.actor(), e.reason(),
                            e.ticket(), at);
                    out.merge(key(o.serverId(), e.peer()), n, (x, y) -> y.at().isBefore(x.at()) ? x : y);
                }
            }
        }
        return Map.copyOf(out);
    }

    private static String key(String serverId, String peer) {
        return serverId + "\n" + peer.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
