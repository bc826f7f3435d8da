package trunkops.alert;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlJournal;
import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.topology.Tech;

/**
 * The console's alerts: the list (newest first, bounded), acknowledgements, silences, and the hand-off to whoever
 * delivers them (desktop notifications, the webhook). {@link #publish} is cheap and never blocks on IO (any thread);
 * {@link #silence} and {@link #lift} journal first and write the silence file, so they block: call them off the FX
 * thread. Listeners run on the publishing thread and must hand off at once.
 */
public final class AlertCenter implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCenter.class);

    /** One listed alert with what the operators did about it. */
    public record Item(long id, Alert alert, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt,
                       Optional<Silence> silencedBy) {
        public boolean acknowledged() {
            return acknowledgedBy.isPresent();
        }

        /** {@code new}, {@code acknowledged by x}, {@code silenced (reason)}. */
        public String stateWords() {
            return silencedBy.map(s -> "silenced (" + s.reason() + ")")
                    .orElse(acknowledgedBy.map(b -> "acknowledged by " + b).orElse("new"));
        }

        Item acknowledge(String by, Instant at) {
            return new Item(id, alert, Optional.of(by), Optional.of(at), silencedBy);
        }
    }

    private final Clock clock;
    private final Supplier<Optional<ControlJournal>> journal;
    private final SilenceFile silenceFile;
    private final int max;
    private final Deque<Item> items = new ArrayDeque<>();
    private final List<Silence> silences = new ArrayList<>();
    private final List<Consumer<List<Item>>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Item>> deliveryListeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    /**
     * @param journal     the audit journal silences are journaled to (empty while it is not open: silences are refused)
     * @param silenceFile where this console's silences are kept (null: not kept)
     * @param max         how many alerts the list keeps (the oldest go first)
     */
    public AlertCenter(Clock clock, Supplier<Optional<ControlJournal>> journal, SilenceFile silenceFile, int max) {
        this.clock = clock;
        this.journal = journal;
        this.silenceFile = silenceFile;
        this.max = max;
    }

    /** Reads the silences kept by an earlier run (blocking file IO). */
    public void loadSilences() {
        if (silenceFile == null) {
            return;
        }
        try {
            List<Silence> loaded = silenceFile.load(clock.instant());
            synchronized (this) {
                silences.addAll(loaded);
            }
        } catch (IOException e) {
            LOG.warn("alert silences not read: {}", e.toString());
        }
    }

    /** Every change of the list (the whole list, newest first). */
    public void onChange(Consumer<List<Item>> l) {
        changeListeners.add(l);
    }

    /** Every alert that is not silenced, once (notifications, webhook). */
    public void onDelivery(Consumer<Item> l) {
        deliveryListeners.add(l);
    }

    @Override
    public void publish(Alert alert) {
        Item item;
        List<Item> now;
        synchronized (this) {
            Instant t = clock.instant();
            Optional<Silence> by = silences.stream().filter(s -> s.active(t) && s.covers(alert)).findFirst();
            item = new Item(nextId++, alert, Optional.empty(), Optional.empty(), by);
            items.addFirst(item);
            while (items.size() > max) {
                items.removeLast();
            }
            now = List.copyOf(items);
        }
        LOG.info("alert {}: {}{}", alert.kind(), alert.text(), item.silencedBy().map(s -> " (silenced)").orElse(""));
        changeListeners.forEach(l -> l.accept(now));
        if (item.silencedBy().isEmpty()) {
            deliveryListeners.forEach(l -> l.accept(item));
        }
    }

    public synchronized List<Item> items() {
        return List.copyOf(items);
    }

    /** Marks alert {@code id} acknowledged by {@code by}; false when it is no longer listed. */
    public boolean acknowledge(long id, String by) {
        List<Item> now;
        synchronized (this) {
            List<Item> all = new ArrayList<>(items);
            int i = indexOf(all, id);
            if (i < 0) {
                return false;
            }
            all.set(i, all.get(i).acknowledge(by, clock.instant()));
            items.clear();
            items.addAll(all);
            now = List.copyOf(items);
        }
        changeListeners.forEach(l -> l.accept(now));
        return true;
    }

    private static int indexOf(List<Item> all, long id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    public synchronized List<Silence> activeSilences() {
        Instant now = clock.instant();
        return silences.stream().filter(s -> s.active(now)).toList();
    }

    /**
     * Silences {@code scope} for {@code length} with {@code reason}: journaled first (refused when it cannot be), then
     * kept in the silence file. Blocking.
     */
    public Silence silence(String scope, Duration length, String reason, String actor) throws JournalException {
        Silence.checkScope(scope);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a silence needs a reason");
        }
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a silence lasts more than 0 and at most 7 days (got " + length + ")");
        }
        Instant at = clock.instant();
        Silence s = new Silence(Long.toHexString(at.toEpochMilli()) + "-" + Integer.toHexString(scope.hashCode()),
                scope, at.plus(length), reason.strip(), actor, at);
        journal(s, s.until(), "silenced " + scope + " for " + length.toMinutes() + " min");
        synchronized (this) {
            silences.removeIf(x -> !x.active(at));
            silences.add(s);
        }
        save();
        return s;
    }

    /** Ends silence {@code id} now (journaled as a silence until now); false when it is not active. */
    public boolean lift(String id, String actor, String reason) throws JournalException {
        Silence s;
        synchronized (this) {
            s = silences.stream().filter(x -> x.id().equals(id) && x.active(clock.instant())).findFirst()
                    .orElse(null);
        }
        if (s == null) {
            return false;
        }
        Instant now = clock.instant();
        journal(new Silence(s.id(), s.scope(), now, reason, actor, now), now, "silence of " + s.scope() + " lifted");
        synchronized (this) {
            silences.remove(s);
        }
        save();
        return true;
    }

    private void journal(Silence s, Instant until, String detail) throws JournalException {
        ControlJournal j = journal.get().orElseThrow(() -> new JournalException(
                "the audit journal is not open: a silence must be journaled, so none was made", null));
        ControlRequest r = new ControlRequest(ControlVerb.ALERT_SILENCE, Tech.SIP, s.scope(), List.of(),
                Optional.of("ALERTS"), OptionalInt.empty(), Optional.of(until), s.reason(), Optional.empty(),
                s.by());
        String id = j.begin(r, Map.of());
        j.complete(id, new ControlResult(r, List.of(new DialerOutcome("console", DialerOutcome.Status.APPLIED,
                detail)), Duration.ZERO));
    }

    private void save() {
        if (silenceFile == null) {
            return;
        }
        try {
            silenceFile.save(activeSilences());
        } catch (IOException e) {
            LOG.warn("alert silences not saved (they last until the console stops): {}", e.toString());
        }
    }
}
