package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import trunkops.db.CallKey;
import trunkops.db.CarrierLogRepository;
import trunkops.db.CarrierLogRow;
import trunkops.db.DbException;

/**
 * Per-call campaigns for the rows the dial prefix cannot decide (issue 8 item 12): when several campaigns' routes
 * share a row's prefix on its dialer (a list whose list dial prefix is another campaign's), the row is held back
 * during the scan and, once the scan's statement has released its lock, its campaign is read from
 * {@code vicidial_log} by lead_id and the uniqueid's epoch ({@link CarrierLogRepository#campaigns}). A row that
 * vicidial_log does not explain (no lead, no row, no table) keeps the prefix rule's {@code A|B}, labelled
 * {@link Attribution#BY_PREFIX} (so does every held row when the lookup fails: the carrier numbers do not depend on
 * it). Rows with one campaign for their prefix are not looked up: that prefix belongs to
 * that campaign alone on that dialer. A live cold load uses {@link #countNowMoveLater} and {@link #move} instead: it
 * publishes first and the next refresh moves the calls. One instance per scan; {@link #hold} may run on another
 * thread than {@link #release} as long as the scan's hand-over has completed in between.
 */
final class CallCampaigns {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallCampaigns.class);

    private record Held(CarrierLogRow row, Attribution attribution, CallKey key) {
    }

    private final boolean vicidialLog;
    private final List<Held> held = new ArrayList<>();

    /** {@code vicidialLog}: whether the database has the table (else every shared prefix is labelled at once). */
    CallCampaigns(boolean vicidialLog) {
        this.vicidialLog = vicidialLog;
    }

    static boolean shared(Attribution a) {
        return a.attributed() && a.campaign().indexOf('|') >= 0;
    }

    /** The prefix rule's answer, labelled when it names several campaigns. */
    static Attribution byPrefix(Attribution a) {
        return shared(a) ? a.withCampaign(a.campaign() + Attribution.BY_PREFIX) : a;
    }

    /**
     * Holds the row back when vicidial_log may know its campaign (returns true), else hands it to {@code sink} at
     * once with the prefix rule's campaign.
     */
    boolean hold(CarrierLogRow row, Attribution a, BiConsumer<CarrierLogRow, Attribution> sink) {
        CallKey key = vicidialLog && shared(a) ? CallKey.of(row) : null;
        if (key == null) {
            sink.accept(row, byPrefix(a));
            return false;
        }
        held.add(new Held(row, a, key));
        return true;
    }

    int size() {
        return held.size();
    }

    /** What {@link #move} does with one row counted under the prefix key that now has its own campaign. */
    @FunctionalInterface
    interface Mover {
        void move(CarrierLogRow row, Attribution counted, Attribution resolved);
    }

    /**
     * Like {@link #hold}, but the row is handed to {@code sink} at once with the prefix rule's labelled key and only
     * remembered: {@link #move} later moves it to its campaign (a cold load publishes first and resolves on the next
     * refresh, so the read budget of the first picture is kept).
     */
    void countNowMoveLater(CarrierLogRow row, Attribution a, BiConsumer<CarrierLogRow, Attribution> sink) {
        sink.accept(row, byPrefix(a));
        CallKey key = vicidialLog && shared(a) ? CallKey.of(row) : null;
        if (key != null) {
            held.add(new Held(row, a, key));
        }
    }

    /** Reads the remembered rows' campaigns and hands each one vicidial_log explains to {@code mover}. */
    void move(CarrierLogRepository repository, LocalDateTime from, LocalDateTime to, Mover mover)
            throws DbException {
        Map<CallKey, String> campaigns = lookup(repository, from, to);
        for (Held h : held) {
            String c = campaigns.get(h.key());
            if (c != null) {
                mover.move(h.row(), byPrefix(h.attribution()), h.attribution().withCampaign(c));
            }
        }
        held.clear();
    }

    /** Reads the held rows' campaigns for a scan of [from, to) and hands every held row to {@code sink}. */
    void release(CarrierLogRepository repository, LocalDateTime from, LocalDateTime to,
                 BiConsumer<CarrierLogRow, Attribution> sink) throws DbException {
        if (held.isEmpty()) {
            return;
        }
        Map<CallKey, String> campaigns = lookup(repository, from, to);
        for (Held h : held) {
            String c = campaigns.get(h.key());
            sink.accept(h.row(), c == null ? byPrefix(h.attribution()) : h.attribution().withCampaign(c));
        }
        held.clear();
    }

    private Map<CallKey, String> lookup(CarrierLogRepository repository, LocalDateTime from, LocalDateTime to) {
        if (held.isEmpty()) {
            return Map.of();
        }
        java.util.Set<String> ids = new java.util.TreeSet<>();
        held.stream().map(h -> h.attribution().campaign()).distinct()
                .forEach(key -> ids.addAll(List.of(key.split("\\|"))));
        Map<CallKey, String> campaigns;
        try {
            campaigns = repository.campaigns(held.stream().map(Held::key).toList(), ids, from, to);
        } catch (DbException e) {
            // the carrier numbers do not depend on it: the held rows keep the prefix rule's labelled key
            LOG.warn("campaigns of {} shared-prefix calls not read ({}); shown by prefix", held.size(),
                    e.getMessage());
            campaigns = Map.of();
        }
        return campaigns;
    }
}
