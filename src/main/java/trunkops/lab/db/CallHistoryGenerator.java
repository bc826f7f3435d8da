package trunkops.lab.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabClusterSpec.Campaign;
import trunkops.lab.LabClusterSpec.DialList;
import trunkops.lab.LabClusterSpec.Server;

/**
 * Plausible auto-dial history for a {@link LabClusterSpec}, deterministic for a seed.
 *
 * <p>For every active campaign on every dialer it serves (and with at least one active list), attempts arrive as a
 * Poisson process whose rate is the campaign's {@code attemptsPerMinutePerServer} times {@link DayCurve} in the
 * dialers' zone. Each attempt is routed as AST_VDauto_dial.pl and Asterisk would route it: dial string = the list's
 * dial_prefix if set, else the campaign's (empty = '9'), + phone code {@code 1} + a random NANP number (NXXNXXXXXX);
 * the carrier is chosen by {@link CarrierRouter} among the active carrier rows of that dialer; the carrier's dialplan
 * is walked by {@link CallSimulator}; the far end's {@code CallOutcomeMix} (or an incident's) decides each Dial. Caller
 * code, uniqueid ({@code <epoch>.<per-dialer sequence>}) and Local channel name are built as ViciDial and Asterisk
 * build them. An attempt whose dial string matches no extension gets only its vicidial_dial_log row (the Originate of
 * a Local channel to a missing extension fails). Attempts still up at {@code now} are left out.
 *
 * <p>Random streams are derived per (campaign, dialer) for arrivals and per dialer for outcomes, so a change to one
 * campaign leaves the others' arrivals alone.
 */
public final class CallHistoryGenerator {

    private static final DateTimeFormatter CID_DATE = DateTimeFormatter.ofPattern("MMddHHmmss");

    private final LabClusterSpec spec;

    public CallHistoryGenerator(LabClusterSpec spec) {
        this.spec = spec;
    }

    private record Attempt(Instant originate, Campaign campaign, DialList list, long leadId, String number) {
    }

    /** Generates the history; {@code truth} sees every attempt as it is decided (may be a no-op). */
    public CallHistory generate(HistoryOptions options, Consumer<GeneratedCall> truth) {
        List<CarrierRouter> routers = new ArrayList<>();
        for (Server server : spec.servers()) {
            routers.add(CarrierRouter.forServer(server.serverIp(), spec.carriers()));
        }
        PeerTimeline timeline = PeerTimeline.build(routers, options, spec.remoteEndpoints());
        CallSimulator simulator = new CallSimulator(spec.remoteEndpoints(), timeline, options.farEndIncidents());
        List<GeneratedCall> calls = new ArrayList<>();
        for (int i = 0; i < spec.servers().size(); i++) {
            Server server = spec.servers().get(i);
            List<Attempt> attempts = attempts(server, options);
            SplittableRandom rng = new SplittableRandom(Seeds.of(options.seed(), "calls", server.serverId()));
            Counters counters = new Counters(1_000_000L * (i + 1) + rng.nextLong(100_000), rng.nextInt(1 << 20));
            for (Attempt attempt : attempts) {
                GeneratedCall call = call(server, routers.get(i), simulator, attempt, counters, options, rng);
                if (call.end().isBefore(options.now())) {
                    calls.add(call);
                    truth.accept(call);
                }
            }
        }
        calls.sort(Comparator.comparing(GeneratedCall::originate).thenComparing(GeneratedCall::serverIp));
        return new CallHistory(calls, timeline.events());
    }

    public CallHistory generate(HistoryOptions options) {
        return generate(options, call -> { });
    }

    /** Per-dialer Asterisk counters: the uniqueid sequence and the Local channel name counter. */
    private static final class Counters {
        long channelSequence;
        int localSequence;

        Counters(long channelSequence, int localSequence) {
            this.channelSequence = channelSequence;
            this.localSequence = localSequence;
        }
    }

    private List<Attempt> attempts(Server server, HistoryOptions options) {
        Map<String, List<DialList>> listsByCampaign = new HashMap<>();
        for (DialList list : spec.lists()) {
            if (list.active()) {
                listsByCampaign.computeIfAbsent(list.campaignId(), k -> new ArrayList<>()).add(list);
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        Instant from = options.start().truncatedTo(ChronoUnit.MINUTES);
        for (Campaign campaign : spec.campaigns()) {
            List<DialList> lists = listsByCampaign.getOrDefault(campaign.campaignId(), List.of());
            if (!campaign.active() || lists.isEmpty() || campaign.attemptsPerMinutePerServer() <= 0
                    || !campaign.serverIds().contains(server.serverId())) {
                continue;
            }
            SplittableRandom rng = new SplittableRandom(
                    Seeds.of(options.seed(), "arrivals", campaign.campaignId(), server.serverId()));
            for (Instant minute = from; minute.isBefore(options.now()); minute = minute.plusSeconds(60)) {
                double factor = DayCurve.factor(LocalDateTime.ofInstant(minute.plusSeconds(30), options.zone())
                        .toLocalTime());
                int n = poisson(rng, campaign.attemptsPerMinutePerServer() * factor);
                for (int k = 0; k < n; k++) {
                    Instant t = minute.plusMillis(rng.nextLong(60_000));
                    DialList list = lists.get(rng.nextInt(lists.size()));
                    long lead = list.listId() * 1000L % 900_000_000L + 1 + rng.nextLong(500_000);
                    if (!t.isBefore(options.start()) && t.isBefore(options.now())) {
                        attempts.add(new Attempt(t, campaign, list, lead, nanpNumber(rng)));
                    }
                }
            }
        }
        attempts.sort(Comparator.comparing(Attempt::originate));
        return attempts;
    }

    private GeneratedCall call(Server server, CarrierRouter router, CallSimulator simulator, Attempt a,
                               Counters counters, HistoryOptions options, SplittableRandom rng) {
        String prefix = !a.list().dialPrefix().isEmpty() ? a.list().dialPrefix()
                : a.campaign().dialPrefix().isEmpty() ? "9" : a.campaign().dialPrefix();
        String dialString = prefix + "1" + a.number();
        String callerCode = callerCode(a.originate(), a.leadId(), options.zone());
        Optional<CarrierRouter.Route> route = router.route(dialString);
        if (route.isEmpty()) {
            return new GeneratedCall(server.serverIp(), a.campaign().campaignId(), timeoutSeconds(a.campaign()),
                    a.list().listId(), a.leadId(), callerCode, dialString, a.originate(), a.originate(),
                    a.originate(), null, null, null, null, List.of(), null, 0, 0, 0, "");
        }
        // AST_manager_send picks the Originate up within its loop; Asterisk creates Local ;1 and ;2.
        Instant start = a.originate().plusMillis(100 + rng.nextLong(800));
        counters.channelSequence += 2;
        String uniqueid = start.getEpochSecond() + "." + counters.channelSequence;
        String localChannel = "Local/" + dialString + "@default-" + hex8(counters.localSequence++) + ";2";
        long timeoutMillis = timeoutSeconds(a.campaign()) * 1000L;
        long setup = 20 + rng.nextLong(200);                         // the call_log AGI at priority 1
        CallSimulator.Walk walk = simulator.walk(server.serverIp(), route.get(), start.plusMillis(setup), setup,
                timeoutMillis, rng);
        for (GeneratedCall.Leg leg : walk.legs()) {
            counters.channelSequence += leg.outcome().createsSipChannel() ? 1 : 0;
        }
        counters.channelSequence += rng.nextInt(4);                 // agents' and other calls' channels meanwhile
        Instant end = start.plusMillis(setup + walk.elapsedMillis() + rng.nextLong(150));
        GeneratedCall.Leg last = walk.last().orElse(null);
        List<GeneratedCall.Leg> stored = walk.legs().stream().filter(l -> l.outcome().storesSipCause()).toList();
        GeneratedCall.Leg sip = stored.size() == 1 ? stored.get(0) : null;
        return new GeneratedCall(server.serverIp(), a.campaign().campaignId(), timeoutSeconds(a.campaign()),
                a.list().listId(), a.leadId(), callerCode, dialString, a.originate(), start, end, uniqueid,
                localChannel, route.get().carrierId(), route.get().extension().text(), walk.legs(),
                last == null ? null : last.outcome(),
                last == null ? 0 : (int) (last.durationMillis() / 1000),
                last == null ? 0 : (int) (last.answeredMillis() / 1000),
                sip == null ? 0 : sip.outcome().sipCode(), sip == null ? "" : sip.outcome().sipReason());
    }

    /** AST_VDauto_dial.pl: 60 s unless the campaign's dial_timeout is above 4. */
    static int timeoutSeconds(Campaign campaign) {
        return campaign.dialTimeoutSeconds() > 4 ? campaign.dialTimeoutSeconds() : 60;
    }

    /** {@code V} + MMDDhhmmss with the first digit dropped + the lead id zero-padded to 10 (AST_VDauto_dial.pl). */
    static String callerCode(Instant originate, long leadId, ZoneId zone) {
        String date = LocalDateTime.ofInstant(originate, zone).format(CID_DATE).substring(1);
        String lead = Long.toString(leadId);
        return "V" + date + "0".repeat(Math.max(0, 10 - lead.length())) + lead;
    }

    private static String hex8(int value) {
        String hex = Integer.toHexString(value);
        return "0".repeat(Math.max(0, 8 - hex.length())) + hex;
    }

    /** NXXNXXXXXX: area code and exchange start 2-9. */
    static String nanpNumber(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            sb.append(i == 0 || i == 3 ? (char) ('2' + rng.nextInt(8)) : (char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    private static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {        // normal approximation; Knuth's product underflows for large means
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
        }
        double limit = Math.exp(-mean);
        int k = 0;
        double p = rng.nextDouble();
        while (p > limit) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }
}
