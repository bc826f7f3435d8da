package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.routing.LintFinding.Severity;
import trunkops.topology.AccountEntryParser;
import trunkops.topology.CarrierProtocol;
import trunkops.topology.Tech;

/** Every route the generator renders, in every strategy, lints without an error or a warning. */
final class GeneratedRoutesLintTest {

    static List<RouteVersion> samples() {
        List<RouteVersion> out = new ArrayList<>();
        List<RouteMember> two = List.of(new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.of(40)));
        List<RouteMember> three = List.of(new RouteMember(Tech.SIP, "east", 1, 500, OptionalInt.empty()),
                new RouteMember(Tech.PJSIP, "west", 2, 300, OptionalInt.of(10)),
                new RouteMember(Tech.IAX2, "backup", 3, 200, OptionalInt.empty()));
        int n = 0;
        for (Strategy s : Strategy.values()) {
            for (List<RouteMember> members : List.of(two, three)) {
                Route r = Route.of("R" + (++n), new RoutePattern("_91NXXNXXXXXX", 1), s, members);
                out.add(new RouteVersion(r, n, "test", Instant.EPOCH, ""));
                out.add(new RouteVersion(r.withTiming(2, 45, 4), n, "test", Instant.EPOCH, ""));
            }
        }
        return out;
    }

    @Test
    void everyStrategyLintsClean() {
        List<String> problems = new ArrayList<>();
        for (RouteVersion v : samples()) {
            String text = RouteGenerator.render(v).dialplanEntry();
            for (LintFinding f : DialplanLinter.lint(new DialplanLinter.Input(text, null, List.of(30, 45), List.of()))) {
                if (f.severity() != Severity.INFO) {
                    problems.add(v.route().strategy() + " " + v.route().name() + " " + f.oneLine());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void generatedPeerSectionsHaveNoUnknownOptionAndAKnownDetectionTime() {
        Map<String, String> o = new LinkedHashMap<>();
        for (String[] kv : new String[][] {{"host", "sip.carrier.example"}, {"port", "5080"}, {"username", "acct7"},
                {"fromdomain", "carrier.example"}, {"qualify", "yes"}, {"qualifyfreq", "10"}, {"codecs", "ulaw,alaw"},
                {"dtmfmode", "rfc2833"}, {"insecure", "port,invite"}, {"nat", "force_rport,comedia"},
                {"auth", "yes"}}) {
            o.put(kv[0], kv[1]);
        }
        List<String> problems = new ArrayList<>();
        for (Tech tech : List.of(Tech.SIP, Tech.PJSIP)) {
            String text = PeerSectionGenerator.render(new TrunkSettings(tech, "trunk1", o));
            CarrierProtocol protocol = tech == Tech.SIP ? CarrierProtocol.SIP : CarrierProtocol.PJSIP;
            List<LintFinding> f = DialplanLinter.lint(new DialplanLinter.Input("",
                    AccountEntryParser.parse(protocol, text, ""), List.of(), List.of()));
            f.stream().filter(x -> x.severity() != Severity.INFO).forEach(x -> problems.add(tech + " " + x.oneLine()));
            if (f.stream().noneMatch(x -> x.rule().equals("qualify-detection"))) {
                problems.add(tech + ": no qualify-detection finding for\n" + text);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
