package trunkops.lab.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import trunkops.lab.LabClusterSpec.CallOutcomeMix;
import trunkops.lab.LabClusterSpec.RemoteEndpoint;

/**
 * Runs one routed call through its carrier's dialplan the way Asterisk would: priorities in order, {@code Dial()} of a
 * peer decided by that peer's state (qualify) and its far end's outcome mix, {@code GotoIf} on {@code ${DIALSTATUS}}
 * (the only condition understood; any other is taken as false), {@code Goto(label)}, {@code Hangup()}; every other
 * application (AGI, NoOp, Set...) just passes. The call ends when a Dial answers or the Originate timeout (campaign
 * dial_timeout) cancels it, or when the dialplan runs out.
 */
final class CallSimulator {

    private static final Pattern DIALSTATUS_TEST = Pattern.compile(
            "\\$\\[\\s*\"?\\$\\{DIALSTATUS}\"?\\s*(!?=)\\s*\"?([A-Za-z]+)\"?\\s*]\\s*\\?\\s*([^:]*)(?::(.*))?");

    /** The result of walking a dialplan. */
    record Walk(List<GeneratedCall.Leg> legs, long elapsedMillis) {
        Optional<GeneratedCall.Leg> last() {
            return legs.isEmpty() ? Optional.empty() : Optional.of(legs.get(legs.size() - 1));
        }
    }

    private final Map<String, RemoteEndpoint> farEnds;
    private final PeerTimeline timeline;
    private final List<HistoryOptions.FarEndIncident> incidents;

    CallSimulator(Map<String, RemoteEndpoint> farEnds, PeerTimeline timeline,
                  List<HistoryOptions.FarEndIncident> incidents) {
        this.farEnds = farEnds;
        this.timeline = timeline;
        this.incidents = incidents;
    }

    /**
     * Walks {@code route} for a call whose Local channel started at {@code start}, {@code setupMillis} into an
     * Originate with {@code timeoutMillis}.
     */
    Walk walk(String serverIp, CarrierRouter.Route route, Instant start, long setupMillis, long timeoutMillis,
              SplittableRandom rng) {
        List<CarrierDialplan.Step> steps = route.carrier().steps(route.extension());
        List<GeneratedCall.Leg> legs = new ArrayList<>();
        long elapsed = 0;
        int pc = 0;
        for (int guard = 0; pc < steps.size() && guard < 100; guard++) {
            CarrierDialplan.Step step = steps.get(pc);
            String app = step.app().toLowerCase(Locale.ROOT);
            if (app.equals("hangup")) {
                break;
            }
            if (app.equals("dial")) {
                long remaining = timeoutMillis - setupMillis - elapsed;
                GeneratedCall.Leg leg = dial(serverIp, route.carrier(), step.args(), start.plusMillis(elapsed),
                        remaining, rng);
                legs.add(leg);
                elapsed += leg.durationMillis();
                if (leg.outcome() == CallOutcome.ANSWER || leg.outcome() == CallOutcome.CANCELLED) {
                    break;
                }
            } else if (app.equals("gotoif")) {
                String status = legs.isEmpty() ? "" : legs.get(legs.size() - 1).outcome().dialstatus();
                int target = gotoIf(steps, step.args(), status);
                if (target >= 0) {
                    pc = target;
                    continue;
                }
            } else if (app.equals("goto")) {
                int target = find(steps, step.args().strip());
                if (target >= 0) {
                    pc = target;
                    continue;
                }
            }
            pc++;
        }
        return new Walk(legs, elapsed);
    }

    private GeneratedCall.Leg dial(String serverIp, CarrierDialplan carrier, String args, Instant at, long remaining,
                                   SplittableRandom rng) {
        String peer = carrier.peerOf(args).orElse("");
        CarrierDialplan.Peer config = carrier.peers().get(peer);
        String host = config == null ? "" : config.host();
        if (remaining <= 0) {
            return new GeneratedCall.Leg(peer, host, CallOutcome.CANCELLED, 0, 0);
        }
        switch (timeline.state(serverIp, peer, at)) {
            case REFUSED:
                return new GeneratedCall.Leg(peer, host, CallOutcome.PEER_UNREACHABLE, rng.nextLong(1, 6), 0);
            case DEAD_UNDETECTED:
                long wait = Math.min(remaining, 6_000 + rng.nextLong(800));
                CallOutcome o = wait < remaining ? CallOutcome.NO_RESPONSE : CallOutcome.CANCELLED;
                return new GeneratedCall.Leg(peer, host, o, wait, 0);
            default:
                break;
        }
        RemoteEndpoint farEnd = farEnds.get(host);
        if (config == null || farEnd == null) {
            // A peer with no simulated far end (host=dynamic, unknown address): INVITEs go unanswered.
            long wait = Math.min(remaining, 6_000 + rng.nextLong(800));
            return new GeneratedCall.Leg(peer, host, wait < remaining ? CallOutcome.NO_RESPONSE : CallOutcome.CANCELLED,
                    wait, 0);
        }
        return farEndAnswer(peer, host, mixAt(host, at, farEnd.outcomes()), remaining, rng);
    }

    private static GeneratedCall.Leg farEndAnswer(String peer, String host, CallOutcomeMix mix, long remaining,
                                                  SplittableRandom rng) {
        double total = mix.total() > 0 ? mix.total() : 1;
        double u = rng.nextDouble() * total;
        double[] weights = {mix.answer(), mix.busy(), mix.noAnswer(), mix.congestion503(), mix.unavailable480(),
                mix.notFound404(), mix.serverError500()};
        int pick = 0;
        double acc = weights[0];
        while (pick < weights.length - 1 && u >= acc) {
            pick++;
            acc += weights[pick];
        }
        return switch (pick) {
            case 0 -> {
                long ring = Math.max(1_000, exponential(rng, mix.meanRingSeconds() * 1000));
                if (ring >= remaining) {
                    yield new GeneratedCall.Leg(peer, host, CallOutcome.CANCELLED, remaining, 0);
                }
                long talk = Math.min(3_600_000, Math.max(1_000, exponential(rng, mix.meanTalkSeconds() * 1000)));
                yield new GeneratedCall.Leg(peer, host, CallOutcome.ANSWER, ring + talk, talk);
            }
            case 1 -> ringThen(peer, host, CallOutcome.BUSY, 1_000 + rng.nextLong(5_000), remaining);
            case 2 -> new GeneratedCall.Leg(peer, host, CallOutcome.CANCELLED, remaining, 0);
            case 3 -> ringThen(peer, host, CallOutcome.CONGESTION, 80 + rng.nextLong(600), remaining);
            case 4 -> ringThen(peer, host, CallOutcome.TEMPORARILY_UNAVAILABLE, 1_000 + rng.nextLong(7_000), remaining);
            case 5 -> ringThen(peer, host, CallOutcome.NOT_FOUND, 100 + rng.nextLong(700), remaining);
            default -> ringThen(peer, host, CallOutcome.SERVER_ERROR, 100 + rng.nextLong(900), remaining);
        };
    }

    private static GeneratedCall.Leg ringThen(String peer, String host, CallOutcome outcome, long millis,
                                              long remaining) {
        return millis < remaining ? new GeneratedCall.Leg(peer, host, outcome, millis, 0)
                : new GeneratedCall.Leg(peer, host, CallOutcome.CANCELLED, remaining, 0);
    }

    private CallOutcomeMix mixAt(String host, Instant at, CallOutcomeMix normal) {
        for (HistoryOptions.FarEndIncident incident : incidents) {
            if (incident.host().equals(host) && !at.isBefore(incident.start()) && at.isBefore(incident.end())) {
                return incident.mix();
            }
        }
        return normal;
    }

    private static int gotoIf(List<CarrierDialplan.Step> steps, String args, String dialstatus) {
        Matcher m = DIALSTATUS_TEST.matcher(args.strip());
        if (!m.matches()) {
            return -1;
        }
        boolean equal = dialstatus.equals(m.group(2));
        boolean condition = m.group(1).equals("=") == equal;
        String target = condition ? m.group(3) : m.group(4);
        return target == null || target.isBlank() ? -1 : find(steps, target.strip());
    }

    private static int find(List<CarrierDialplan.Step> steps, String target) {
        for (int i = 0; i < steps.size(); i++) {
            CarrierDialplan.Step s = steps.get(i);
            if (target.equals(s.label()) || target.equals(Integer.toString(s.priority()))) {
                return i;
            }
        }
        return -1;
    }

    private static long exponential(SplittableRandom rng, double mean) {
        return Math.round(-mean * Math.log(1 - rng.nextDouble()));
    }
}
