package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import trunkops.routing.LintFinding.Severity;
import trunkops.topology.AccountEntryParser;
import trunkops.topology.Carrier;
import trunkops.topology.CarrierProtocol;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;

/** The account_entry rules, and the linter run on the lab's seeded carriers (ViciDial's own SIPExample included). */
final class CarrierLintTest {

    static List<LintFinding> account(CarrierProtocol protocol, String text) {
        return DialplanLinter.lint(new DialplanLinter.Input("", AccountEntryParser.parse(protocol, text, ""),
                List.of(), List.of()));
    }

    static List<LintFinding> rule(List<LintFinding> all, String rule) {
        return all.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void optionsChanSipDoesNotHave() {
        List<LintFinding> f = rule(account(CarrierProtocol.SIP, String.join("\n", "[trunk1]", "type=peer",
                "host=192.0.2.1", "qualify=yes", "qualifysmoothing=yes", "maxretries=3", "fromhost=example.com",
                "fromdomain=example.com")), "unknown-option");
        assertEquals(List.of(5, 6, 7), f.stream().map(LintFinding::line).toList());
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
        assertTrue(f.get(2).fix().contains("fromdomain=example.com"), f.get(2).fix());
        assertTrue(f.get(0).why().contains("chan_iax2"), "the hint says where the option does exist");
    }

    @Test
    void pjsipRefusesTheObject() {
        List<LintFinding> f = rule(account(CarrierProtocol.PJSIP, String.join("\n", "[t1]", "type=aor",
                "contact=sip:192.0.2.1", "qualify_frequency=10", "qualifyfreq=10", "[t1]", "type=endpoint", "aors=t1",
                "context=trunkinbound", "allow=ulaw")), "unknown-option");
        assertEquals(1, f.size());
        assertEquals(5, f.get(0).line());
        assertTrue(f.get(0).isError());
    }

    @Test
    void detectionTimeFromQualifySettings() {
        List<LintFinding> fast = rule(account(CarrierProtocol.SIP,
                "[t1]\ntype=peer\nhost=192.0.2.1\nqualify=1000\nqualifyfreq=10\n"), "qualify-detection");
        assertEquals(Severity.INFO, fast.get(0).severity());
        assertTrue(fast.get(0).why().contains("worst 12 s"), fast.get(0).why());
        List<LintFinding> slow = rule(account(CarrierProtocol.SIP, "[t1]\ntype=peer\nhost=192.0.2.1\nqualify=yes\n"),
                "qualify-detection");
        assertEquals(Severity.WARNING, slow.get(0).severity());
        assertTrue(slow.get(0).why().contains("worst 64 s"), slow.get(0).why());
        List<LintFinding> off = rule(account(CarrierProtocol.SIP, "[t1]\ntype=peer\nhost=192.0.2.1\nqualify=no\n"),
                "qualify-detection");
        assertTrue(off.get(0).why().contains("never detected") && off.get(0).why().contains("32 s"));
        List<LintFinding> pjsip = rule(account(CarrierProtocol.PJSIP, String.join("\n", "[t1]", "type=aor",
                "contact=sip:192.0.2.1", "qualify_frequency=10", "qualify_timeout=1.5", "[t1]", "type=endpoint",
                "aors=t1")), "qualify-detection");
        assertTrue(pjsip.get(0).why().contains("worst 11.5 s"), pjsip.get(0).why());
    }

    @Test
    void labSeededCarriers() {
        ClusterTopology t = new LabRows().build();
        Map<String, List<LintFinding>> byCarrier = t.carriers().stream()
                .collect(Collectors.toMap(Carrier::carrierId, c -> CarrierLint.of(c, t)));
        byCarrier.forEach((id, f) -> assertTrue(f.stream().noneMatch(LintFinding::isError), id + ": " + f));
        List<LintFinding> velox = rule(byCarrier.get("VELOX"), "qualify-detection");
        assertEquals(Severity.WARNING, velox.get(0).severity(), "VELOX has qualify=no");
        assertTrue(rule(byCarrier.get("NSVOICE"), "qualify-detection").get(0).why().contains("worst 19 s"));
        assertEquals(List.of("usecallerid=yes"), rule(byCarrier.get("SIPExample"), "unknown-option").stream()
                .map(f -> f.why().replaceAll(".*\\] (\\S+) is not.*", "$1")).toList(),
                "chan_sip has no usecallerid (removed long ago): ViciDial's own example carries a dead option");
        assertEquals(1, rule(byCarrier.get("ORBIT"), "ring-time").size(),
                "ORBIT's two Dials each ring for the whole ${CAMPDTO}");
        assertTrue(byCarrier.get("BLUELINE").stream().allMatch(f -> f.severity() == Severity.INFO),
                byCarrier.get("BLUELINE").toString());
    }

    @Test
    void displayReadsWithoutColour() {
        LintFinding f = new LintFinding(Severity.ERROR, 3, "macro", "why", "fix");
        assertEquals("\u2716 error line 3 [macro]: why \u2014 fix: fix", CarrierLint.display(f));
        assertEquals("\u2716 1 error \u25B2 2 warnings", CarrierLint.summary(List.of(f,
                new LintFinding(Severity.WARNING, 1, "a", "w", "f"), new LintFinding(Severity.WARNING, 2, "a", "w", "f"))));
    }
}
