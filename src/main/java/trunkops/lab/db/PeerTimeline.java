package trunkops.lab.db;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import trunkops.lab.LabClusterSpec.RemoteEndpoint;

/**
 * Per dialer and peer, what chan_sip believes about the peer over the history window, and the PeerStatus events it
 * emitted on the way (which the listener writes to vicidial_peer_event_log).
 *
 * <p>chan_sip qualify (asterisk-ami.md §0.3): a qualified peer is probed every {@code qualifyfreq} seconds while OK;
 * an OPTIONS unanswered within 2 x maxms marks it UNREACHABLE, a reply slower than maxms marks it LAGGED, and while
 * not OK it is re-probed every 10 s. A peer that is UNREACHABLE or LAGGED is refused at Dial() time (CHANUNAVAIL,
 * cause 20). A far end that went silent before the next probe noticed it eats INVITEs until chan_sip gives up.
 * Unqualified peers never change state: their dead far end is only seen by the calls.
 */
final class PeerTimeline {

    enum State { OK, DEAD_UNDETECTED, REFUSED }

    private record Window(Instant from, Instant to, State state) {
    }

    private static final long REPROBE_MS = 10_000;

    private final Map<String, List<Window>> windows = new HashMap<>();
    private final List<PeerEvent> events = new ArrayList<>();

    static PeerTimeline build(List<CarrierRouter> routers, HistoryOptions options,
                              Map<String, RemoteEndpoint> farEnds) {
        PeerTimeline timeline = new PeerTimeline();
        for (CarrierRouter router : routers) {
            for (CarrierDialplan carrier : router.carriers()) {
                for (CarrierDialplan.Peer peer : carrier.peers().values()) {
                    String key = key(router.serverIp(), peer.name());
                    if (!timeline.windows.containsKey(key)) {
                        timeline.plan(router.serverIp(), peer, options, farEnds.get(peer.host()));
                    }
                }
            }
        }
        timeline.events.sort(Comparator.comparing(PeerEvent::time));
        return timeline;
    }

    State state(String serverIp, String peer, Instant at) {
        for (Window w : windows.getOrDefault(key(serverIp, peer), List.of())) {
            if (!at.isBefore(w.from()) && at.isBefore(w.to())) {
                return w.state();
            }
        }
        return State.OK;
    }

    List<PeerEvent> events() {
        return List.copyOf(events);
    }

    private void plan(String serverIp, CarrierDialplan.Peer peer, HistoryOptions options, RemoteEndpoint farEnd) {
        String key = key(serverIp, peer.name());
        List<Window> list = windows.computeIfAbsent(key, k -> new ArrayList<>());
        SplittableRandom rng = new SplittableRandom(Seeds.of(options.seed(), "peer", serverIp, peer.name()));
        for (HistoryOptions.FarEndOutage outage : options.farEndOutages()) {
            if (!outage.host().equals(peer.host()) || !outage.end().isAfter(options.start())) {
                continue;
            }
            if (!peer.qualified()) {
                list.add(new Window(outage.start(), outage.end(), State.DEAD_UNDETECTED));
                continue;
            }
            Instant detected = outage.start().plusMillis(rng.nextLong(peer.qualifyFreqSeconds() * 1000L)
                    + 2L * peer.qualifyMaxMs());
            Instant recovered = outage.end().plusMillis(rng.nextLong(REPROBE_MS) + latencyMs(rng, farEnd));
            list.add(new Window(outage.start(), detected, State.DEAD_UNDETECTED));
            list.add(new Window(detected, recovered, State.REFUSED));
            event(options, serverIp, peer, detected, "UNREACHABLE", -1);
            event(options, serverIp, peer, recovered, "REACHABLE", latencyMs(rng, farEnd));
        }
        if (peer.qualified() && options.lagBlipsPerPeer() > 0) {
            int blips = rng.nextInt(options.lagBlipsPerPeer() + 1);
            long spanMs = Duration.between(options.start(), options.now()).toMillis();
            for (int i = 0; i < blips; i++) {
                Instant from = options.start().plusMillis(rng.nextLong(Math.max(1, spanMs - 300_000)));
                Instant to = from.plusMillis(REPROBE_MS * (1 + rng.nextInt(3)) + rng.nextLong(500));
                if (overlaps(list, from, to)) {
                    continue;
                }
                list.add(new Window(from, to, State.REFUSED));
                event(options, serverIp, peer, from, "LAGGED",
                        peer.qualifyMaxMs() + 1 + rng.nextLong(peer.qualifyMaxMs()));
                event(options, serverIp, peer, to, "REACHABLE", latencyMs(rng, farEnd));
            }
        }
        list.sort(Comparator.comparing(Window::from));
    }

    private void event(HistoryOptions options, String serverIp, CarrierDialplan.Peer peer, Instant at, String type,
                       long pingMs) {
        if (at.isBefore(options.start()) || !at.isBefore(options.now())) {
            return;
        }
        String data;
        if (options.peerEventData() == HistoryOptions.PeerEventData.STOCK) {
            data = type.equals("UNREACHABLE") ? "|Time=-1|" : "|";
        } else {
            data = "|PingTime=" + pingMs + "|Time=" + pingMs + "|MaxPing=" + peer.qualifyMaxMs() + "|";
        }
        events.add(new PeerEvent(at.truncatedTo(ChronoUnit.MICROS), serverIp, type, "SIP", "SIP/" + peer.name(),
                data));
    }

    private static boolean overlaps(List<Window> list, Instant from, Instant to) {
        Instant padFrom = from.minusSeconds(120);
        Instant padTo = to.plusSeconds(120);
        return list.stream().anyMatch(w -> w.from().isBefore(padTo) && w.to().isAfter(padFrom));
    }

    /** A qualify round trip drawn from the far end's log-normal latency (median, spread); 50 ms without a far end. */
    static long latencyMs(SplittableRandom rng, RemoteEndpoint farEnd) {
        if (farEnd == null) {
            return 50;
        }
        double gaussian = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        return Math.max(1, Math.round(farEnd.medianLatencyMs() * Math.exp(farEnd.latencySpread() * gaussian)));
    }

    private static String key(String serverIp, String peer) {
        return serverIp + "|" + peer;
    }
}
