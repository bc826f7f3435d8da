package trunkops.alert;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Folds a flapping subject's down/up alerts into one (the rule is {@link AlertRules}): the {@code flapChanges}-th
 * change within {@code flapWindow} sends one TRUNK_FLAPPING alert instead of its own, later changes send nothing, and
 * after {@code flapQuiet} without a change one FLAPPING_ENDED alert says how it ended and how many changes were held
 * back. Blips shorter than the settle time count as changes too, though they alert nothing by themselves. Not
 * thread-safe: one detector thread owns it.
 */
final class FlapSuppressor {

    /**
     * One change of a subject.
     *
     * @param label e.g. {@code blueline on DIALER1}
     * @param alert what to send when not flapping; null for a change that alerts nothing by itself (a blip)
     */
    record Change(String subject, String carrierId, String serverId, String label, boolean down, Instant at,
                  Alert alert) {
    }

    private static final class Track {
        final Deque<Instant> changes = new ArrayDeque<>();
        boolean flapping;
        int held;
        Change last;
    }

    private final AlertRules rules;
    private final Map<String, Track> tracks = new HashMap<>();

    FlapSuppressor(AlertRules rules) {
        this.rules = rules;
    }

    /** The alerts to send for {@code c}: its own, one TRUNK_FLAPPING, or none. */
    List<Alert> offer(Change c) {
        Track t = tracks.computeIfAbsent(c.subject(), k -> new Track());
        t.last = c;
        t.changes.addLast(c.at());
        while (!t.changes.isEmpty() && t.changes.peekFirst().isBefore(c.at().minus(rules.flapWindow()))) {
            t.changes.removeFirst();
        }
        if (t.flapping) {
            t.held++;
            return List.of();
        }
        if (t.changes.size() >= rules.flapChanges()) {
            t.flapping = true;
            return List.of(new Alert(AlertKind.TRUNK_FLAPPING, c.subject(), c.carrierId(), c.serverId(),
                    c.label() + " flapping", t.changes.size() + " changes in " + minutes(rules.flapWindow())
                    + "; further changes are held back until it is stable for " + minutes(rules.flapQuiet()),
                    c.at()));
        }
        return c.alert() == null ? List.of() : List.of(c.alert());
    }

    /** Whether {@code subject} is flapping now (its changes are held back). */
    boolean flapping(String subject) {
        Track t = tracks.get(subject);
        return t != null && t.flapping;
    }

    /** FLAPPING_ENDED for every subject quiet for {@code flapQuiet}; forgets subjects with no recent change. */
    List<Alert> tick(Instant now) {
        List<Alert> out = new ArrayList<>();
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext(); ) {
            Track t = it.next();
            Instant lastAt = t.changes.isEmpty() ? t.last.at() : t.changes.peekLast();
            boolean quiet = !now.isBefore(lastAt.plus(t.flapping ? rules.flapQuiet() : rules.flapWindow()));
            if (!quiet) {
                continue;
            }
            if (t.flapping) {
                Change c = t.last;
                out.add(new Alert(AlertKind.FLAPPING_ENDED, c.subject(), c.carrierId(), c.serverId(),
                        c.label() + " stable again, " + (c.down() ? "DOWN" : "up"), t.held
                        + " changes held back while flapping; no change for " + minutes(rules.flapQuiet()), now));
            }
            it.remove();
        }
        return out;
    }

    private static String minutes(java.time.Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
