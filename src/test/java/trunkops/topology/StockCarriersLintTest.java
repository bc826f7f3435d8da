package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.routing.DialplanLinter;
import trunkops.routing.LintFinding;

/** The route linter on the example carriers every ViciDial install ships (create script rows, verbatim). */
final class StockCarriersLintTest {

    static List<LintFinding> lint(String carrierId) {
        CarrierRow row = StockRows.carrier(carrierId);
        return DialplanLinter.lint(new DialplanLinter.Input(row.dialplanEntry(), AccountEntryParser.parse(row),
                List.of(), List.of()));
    }

    static List<String> rules(List<LintFinding> f) {
        return f.stream().map(x -> x.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + x.rule()).toList();
    }

    @Test
    void stockExamples() {
        assertEquals(List.of("warning qualify-detection", "warning unknown-option"), rules(lint("SIPExample")),
                "qualify=yes with the default qualifyfreq 60: 64 s; usecallerid is not a chan_sip option");
        assertEquals(List.of("info qualify-detection"), rules(lint("PJSIPExample")), "15 s + 3 s");
        assertEquals(List.of("info qualify-detection"), rules(lint("PJSIPWIZExample")));
        assertEquals(List.of("info qualify-detection"), rules(lint("OLD_SIPEXAMPLE")), "follows [general]");
        assertEquals(List.of("warning qualify-detection"), rules(lint("OLD_IAXEXAMPLE")), "IAX2 without qualify");
    }
}
