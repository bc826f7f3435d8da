package trunkops.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.topology.TrunkKey;

/**
 * Turns the board's successive trunk views into alerts (docs/alerts.md): a trunk down (UNREACHABLE or LAGGED, which
 * chan_sip refuses calls to) or up again (REACHABLE); a carrier outage when every trunk (at least two) of a carrier
 * whose state is known is down, folding the trunks' own alerts into it; flapping through {@link FlapSuppressor}. UNKNOWN, STALE and
 * UNMONITORED say nothing new (the link or the data is the problem, and the board shows it). A trunk in a maintenance
 * window is not watched: no alert, and it does not count toward its carrier's outage; leaving the window while down
 * alerts once. Not thread-safe: one thread feeds it.
 */
public final class BoardAlerts {

    private final AlertRules rules;
    private final FlapSuppressor flaps;
    private volatile MaintenanceCheck maintenance;
    /** Last known: true = down, false = up; absent = never known or in maintenance. */
    private final Map<TrunkKey, Boolean> down = new HashMap<>();
    private final Map<TrunkKey, TrunkView> views = new HashMap<>();
    /** Down alerts waiting for their settle time. */
    private final Map<TrunkKey, Pending> pending = new LinkedHashMap<>();

    private record Pending(Alert alert, Instant due) {
    }
    /** Down alerts sent (or folded into an outage): their trunk's up alert is due when it comes back. */
    private final Map<TrunkKey, Boolean> announced = new HashMap<>();
    private final Map<String, Boolean> carrierOut = new HashMap<>();

    public BoardAlerts(AlertRules rules, MaintenanceCheck maintenance) {
        this.rules = rules;
        this.flaps = new FlapSuppressor(rules);
        this.maintenance = maintenance;
    }

    /** Replaces the maintenance windows (any thread; read at the next {@link #next}). */
    public void maintenance(MaintenanceCheck m) {
        this.maintenance = m;
    }

    /** The alerts the board's state at {@code now} calls for. */
    public List<Alert> next(List<TrunkView> trunks, Instant now) {
        List<Alert> out = new ArrayList<>();
        List<TrunkView> ups = new ArrayList<>();
        MaintenanceCheck m = maintenance;
        for (TrunkView v : trunks) {
            if (m.covers(v.key(), now)) {
                forget(v.key());
                continue;
            }
            Boolean isDown = v.down() ? Boolean.TRUE : v.state() == TrunkState.REACHABLE ? Boolean.FALSE : null;
            if (isDown == null) {
                continue;
            }
            views.put(v.key(), v);
            Boolean was = down.put(v.key(), isDown);
            if (isDown && !Boolean.TRUE.equals(was)) {
                Alert a = downAlert(v, was == null ? "down when first seen" : v.dialerStatus(), now);
                pending.put(v.key(), new Pending(a, later(a.at(), now).plus(rules.settle())));
            } else if (!isDown && Boolean.TRUE.equals(was)) {
                ups.add(v);
            }
        }
        carriers(now, ups, out);
        for (TrunkView v : ups) {
            up(v, now, out);
        }
        release(now, out);
        out.addAll(flaps.tick(now));
        return out;
    }

    private void forget(TrunkKey k) {
        down.remove(k);
        pending.remove(k);
        announced.remove(k);
    }

    private void up(TrunkView v, Instant now, List<Alert> out) {
        FlapSuppressor.Change c;
        if (pending.remove(v.key()) != null) { // a blip shorter than the settle time: no alert of its own
            c = change(v, true, at(v, now), null);
            out.addAll(flaps.offer(c));
            out.addAll(flaps.offer(change(v, false, at(v, now), null)));
            return;
        }
        if (announced.remove(v.key()) == null) {
            return; // folded into a carrier recovery
        }
        Alert a = new Alert(AlertKind.TRUNK_UP, subject(v), v.carrierId(), v.serverId(),
                v.peer() + " up on " + v.serverId() + carrierWords(v), v.dialerStatus(), at(v, now));
        out.addAll(flaps.offer(change(v, false, a.at(), a)));
    }

    /** Outages begin when every known, watched trunk of a carrier is down; end when one is up again. */
    private void carriers(Instant now, List<TrunkView> ups, List<Alert> out) {
        Map<String, List<TrunkKey>> byCarrier = new TreeMap<>();
        down.keySet().forEach(k -> {
            TrunkView v = views.get(k);
            if (v != null && !v.carrierId().isEmpty()) {
                byCarrier.computeIfAbsent(v.carrierId(), c -> new ArrayList<>()).add(k);
            }
        });
        for (Map.Entry<String, List<TrunkKey>> e : byCarrier.entrySet()) {
            String carrier = e.getKey();
            List<TrunkKey> keys = e.getValue();
            List<TrunkKey> downKeys = keys.stream().filter(down::get).sorted(java.util.Comparator
                    .comparing(TrunkKey::toString)).toList();
            boolean out0 = carrierOut.getOrDefault(carrier, false);
            // one trunk is not an outage of its own: a carrier with a single known trunk gets that trunk's alerts
            boolean outNow = keys.size() >= 2 && downKeys.size() == keys.size();
            if (outNow && !out0) {
                downKeys.forEach(k -> {
                    pending.remove(k);
                    announced.put(k, false);
                });
                TrunkView any = views.get(downKeys.get(0));
                Alert a = new Alert(AlertKind.CARRIER_OUTAGE, carrier, carrier, "", carrierName(any)
                        + ": every trunk down (" + keys.size() + ")", names(downKeys), now);
                out.addAll(flaps.offer(new FlapSuppressor.Change(carrier, carrier, "", carrierName(any), true, now,
                        a)));
            } else if (!outNow && out0) {
                List<TrunkKey> upKeys = keys.stream().filter(k -> !down.get(k)).sorted(java.util.Comparator
                        .comparing(TrunkKey::toString)).toList();
                ups.removeIf(v -> v.carrierId().equals(carrier));
                upKeys.forEach(announced::remove);
                TrunkView any = views.get(upKeys.get(0));
                Alert a = new Alert(AlertKind.CARRIER_RECOVERED, carrier, carrier, "", carrierName(any) + ": "
                        + upKeys.size() + " of " + keys.size() + " trunks up again", "up: " + names(upKeys)
                        + (downKeys.isEmpty() ? "" : "; still down: " + names(downKeys)), now);
                out.addAll(flaps.offer(new FlapSuppressor.Change(carrier, carrier, "", carrierName(any), false, now,
                        a)));
                // the trunks still down are news of their own now
                downKeys.forEach(k -> pending.put(k, new Pending(downAlert(views.get(k),
                        "still down after the carrier outage", now), now)));
            }
            carrierOut.put(carrier, outNow);
        }
    }

    /** Sends the down alerts whose settle time is over (their carrier is not out: that would have folded them). */
    private void release(Instant now, List<Alert> out) {
        for (Iterator<Map.Entry<TrunkKey, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TrunkKey, Pending> e = it.next();
            Alert a = e.getValue().alert();
            if (now.isBefore(e.getValue().due())) {
                continue;
            }
            it.remove();
            announced.put(e.getKey(), true);
            out.addAll(flaps.offer(change(views.get(e.getKey()), true, a.at(), a)));
        }
    }

    /**
     * The settle time runs from the change, but not from before the console saw it: a state a dialer reports late
     * still gets its settle time.
     */
    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Alert downAlert(TrunkView v, String detail, Instant now) {
        Alert a = new Alert(AlertKind.TRUNK_DOWN, subject(v), v.carrierId(), v.serverId(), v.peer() + " "
                + v.state().label().toUpperCase(java.util.Locale.ROOT) + " on " + v.serverId() + carrierWords(v),
                detail, at(v, now));
        return a;
    }

    private FlapSuppressor.Change change(TrunkView v, boolean isDown, Instant at, Alert a) {
        return new FlapSuppressor.Change(subject(v), v.carrierId(), v.serverId(), v.peer() + " on " + v.serverId(),
                isDown, at, a);
    }

    static String subject(TrunkView v) {
        return v.serverId() + "/" + v.peer();
    }

    private static Instant at(TrunkView v, Instant now) {
        return v.sinceMillis() > 0 && v.sinceMillis() <= now.toEpochMilli() ? Instant.ofEpochMilli(v.sinceMillis())
                : now;
    }

    private static String carrierWords(TrunkView v) {
        return v.carrierId().isEmpty() ? "" : " (" + carrierName(v) + ")";
    }

    private static String carrierName(TrunkView v) {
        return v.carrierName() == null || v.carrierName().isBlank() ? v.carrierId() : v.carrierName();
    }

    private static String names(List<TrunkKey> keys) {
        return String.join(", ", keys.stream().map(k -> k.serverId() + "/" + k.peer()).toList());
    }
}
