package trunkops.drill;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import trunkops.ami.AmiAstDbLink;
import trunkops.ami.AmiCallLink;
import trunkops.ami.AmiTarget;
import trunkops.app.AmiDrillLine;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.lab.FixtureLab;
import trunkops.lab.pbx.FarEnd;
import trunkops.lab.pbx.PbxHooks;
import trunkops.routing.FailoverPolicy;
import trunkops.routing.Route;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/**
 * The fixture lab dialer (real Asterisk twin, real TCP AMI) with a third trunk and three generated routes, each in
 * a context of its own standing for ViciDial's dial context: {@code drill-prio} (priority trunk1, trunk2, trunk3),
 * {@code drill-wtd} (weighted 70/30 trunk1/trunk2), {@code drill-busy} (priority trunk1, trunk2, trunk3 with a
 * customer-outcome override that fails over on BUSY). The lab's own record of the calls: the {@code call_log}
 * AGI each call runs first (what ViciDial logs), by uniqueid.
 */
public final class DrillLab implements AutoCloseable {

    public static final String NUMBER = "912125551234";
    public static final String SERVER = "fixture-lab";

    /** What the lab's call_log AGI saw: one entry per call that reached a route. */
    record AgiCall(String uniqueid, String extension, long labMillis) {
    }

    public final FixtureLab lab;
    final FarEnd trunk3 = FarEnd.scriptedUas("127.0.0.1:5073");
    final List<AgiCall> agiCalls = new CopyOnWriteArrayList<>();
    public final RouteVersion prio = version(route("RPRIO", Strategy.PRIORITY, FailoverPolicy.DEFAULT, 3));
    public final RouteVersion weighted = version(route("RWTD", Strategy.WEIGHTED, FailoverPolicy.DEFAULT, 2));
    public final RouteVersion busy = version(route("RBUSY", Strategy.PRIORITY,
            FailoverPolicy.parse("CHANUNAVAIL,CONGESTION,5xx,408,BUSY,486", true), 3));
    final Map<String, Integer> journaled = new ConcurrentHashMap<>();

    public DrillLab() throws IOException {
        lab = new FixtureLab(1.0);
        lab.pbx.setHooks(new PbxHooks() {
            @Override
            public Map<String, String> agi(String serverId, String url, Map<String, String> env) {
                if (url.endsWith("/call_log")) {
                    agiCalls.add(new AgiCall(env.getOrDefault("uniqueid", ""), env.getOrDefault("extension", ""),
                            lab.clock.nowMillis()));
                }
                return Map.of();
            }
        });
        lab.pbx.addFarEnd(trunk3);
        lab.files.install("sip-trunkops-test.conf", "[trunk3]\ntype = peer\nhost = 127.0.0.1\nport = 5073\n"
                + "qualify = yes\nqualifyfreq = 10\ninsecure = port,invite\ncontext = from-trunk\ndisallow = all\n"
                + "allow = ulaw\n");
        lab.pbx.cli("sip reload");
        lab.files.install("extensions-trunkops-test.conf", "[drill-prio]\n" + dialplan(prio) + "\n[drill-wtd]\n"
                + dialplan(weighted) + "\n[drill-busy]\n" + dialplan(busy)
                + "\n[drill-answer]\nexten => s,1,Answer()\n same => n,Wait(1)\n same => n,Hangup()\n");
        List<String> answer = lab.pbx.cli("dialplan reload");
        if (!String.join("\n", answer).contains("Dialplan reloaded")) {
            throw new IllegalStateException("dialplan reload: " + answer);
        }
        for (String t : List.of("trunk1", "trunk2", "trunk3")) {
            if (!lab.awaitPeer(t, "OK", Duration.ofSeconds(30))) {
                throw new IllegalStateException(t + " not up: " + lab.pbx.peerStatuses());
            }
        }
    }

    private static String dialplan(RouteVersion v) {
        return RouteGenerator.render(v).dialplanEntry();
    }

    static Route route(String name, Strategy s, FailoverPolicy f, int members) {
        List<RouteMember> m = List.of(
                new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "trunk3", 3, 0, OptionalInt.empty())).subList(0, members);
        return Route.of(name, new RoutePattern("_91NXXNXXXXXX", 1), s, m).withFailover(f)
                .withTiming(members, 30, 5);
    }

    static RouteVersion version(Route r) {
        return new RouteVersion(r, 1, "lab", Instant.EPOCH, "");
    }

    AmiTarget target() {
        return new AmiTarget(SERVER, lab.ami.host(), lab.ami.port(), FixtureLab.USER);
    }

    static char[] secret() {
        return FixtureLab.SECRET.toCharArray();
    }

    /** A drill's links: the call link, the ASTDB link and the control core on it (closed together). */
    public final class Links implements AutoCloseable {
        public final AmiCallLink calls;
        public final AmiAstDbLink astdb;
        public final AstDbTrunkControl control;
        public final AmiDrillLine line;

        public Links() throws IOException {
            calls = AmiCallLink.open(target(), DrillLab::secret, 5_000);
            astdb = new AmiAstDbLink(target(), DrillLab::secret, 5_000);
            control = new AstDbTrunkControl(Map.of(SERVER, astdb), Optional::empty, new Journal(),
                    Duration.ofSeconds(5), Clock.systemUTC());
            line = new AmiDrillLine(calls, astdb, "\"drill test\" <0000000000>",
                    Optional.of(new AmiDrillLine.AnswerTo("drill-answer", "s")));
        }

        @Override
        public void close() {
            control.close();
            astdb.close();
            calls.close();
        }
    }

    /** Counts the verbs the control core journals (the audit journal's begin). */
    final class Journal implements ControlJournal {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public String begin(ControlRequest request, Map<String, String> before) {
            journaled.merge(request.verb().name(), 1, Integer::sum);
            return "j" + n.incrementAndGet();
        }

        @Override
        public void complete(String id, ControlResult result) {
        }

        @Override
        public List<ControlRequest> unfinished() {
            return List.of();
        }
    }

    public String flag(String peer) {
        return lab.pbx.astdb().get("trunkops", "admin/" + peer);
    }

    DrillPlan plan(RouteVersion v, String context, int calls, Optional<DrillPlan.ExternalFault> fault,
                   int maxVerify) {
        RouteMember a = v.route().byPriority().get(0);
        return new DrillPlan(v, a, SERVER, calls, NUMBER, context, fault, Duration.ofSeconds(30), maxVerify,
                "tester@lab", "quarterly failover drill");
    }

    @Override
    public void close() {
        lab.close();
    }
}
