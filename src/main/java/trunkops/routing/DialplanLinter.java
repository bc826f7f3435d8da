package trunkops.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import trunkops.routing.DialplanLines.Step;
import trunkops.routing.LintFinding.Severity;
import trunkops.topology.AccountEntry;
import trunkops.topology.DialPattern;
import trunkops.topology.DialplanEntry;
import trunkops.topology.DialplanEntryParser;
import trunkops.topology.DialplanExtension;
import trunkops.topology.GlobalsString;

/**
 * Finds what goes wrong when Asterisk 20 runs a carrier's dialplan_entry (or tutorial contexts pasted into one):
 * missing functions and applications, Macro, broken Gotos, customer re-dials, missing or too long timeouts,
 * ViciDial's required pieces, priorities another carrier already uses on the same dialer, unknown account options
 * and how long each peer takes to be detected dead. Pure: no I/O, no FX; every rule id is listed in
 * docs and in {@link #RULES}.
 */
public final class DialplanLinter {

    /** Every rule id the linter reports. */
    public static final List<String> RULES = List.of("unknown-function", "db-comma", "eval-arithmetic", "math-float",
            "macro", "exten-in-gosub", "empty-operand", "goto-missing-label", "no-dial-timeout", "customer-failover",
            "duplicate-priority", "duplicate-across-carriers", "ring-time", "call-log-agi", "dial-o-option",
            "unknown-option", "qualify-detection", "no-attempt-event", "old-app-syntax");

    /**
     * Another carrier generated on the same dialer(s).
     *
     * @param carrierId     its carrier_id
     * @param dialplanEntry its dialplan_entry text
     */
    public record OtherCarrier(String carrierId, String dialplanEntry) {
        public OtherCarrier {
            Objects.requireNonNull(carrierId, "carrierId");
        }
    }

    /**
     * What the linter looks at.
     *
     * @param dialplanEntry the text to lint (exten lines, optionally with {@code [context]} headers)
     * @param account       the carrier's parsed account_entry, or null
     * @param dialTimeouts  the dial_timeout (seconds) of every campaign whose calls reach this text; empty if unknown
     * @param others        the other carriers on the same dialers
     */
    public record Input(String dialplanEntry, AccountEntry account, List<Integer> dialTimeouts,
                        List<OtherCarrier> others) {
        public Input {
            dialplanEntry = dialplanEntry == null ? "" : dialplanEntry;
            dialTimeouts = List.copyOf(dialTimeouts);
            others = List.copyOf(others);
        }

        public static Input of(String dialplanEntry) {
            return new Input(dialplanEntry, null, List.of(), List.of());
        }
    }

    private static final java.util.regex.Pattern PARENS = java.util.regex.Pattern.compile("\\([^)]*\\)");
    private static final java.util.regex.Pattern SECONDS = java.util.regex.Pattern.compile("\\d{1,6}");

    private DialplanLinter() {
    }

    public static List<LintFinding> lint(String dialplanEntry) {
        return lint(Input.of(dialplanEntry));
    }

    /** Findings ordered by line, then errors before warnings before information. */
    public static List<LintFinding> lint(Input input) {
        DialplanLines lines = DialplanLines.parse(input.dialplanEntry());
        List<LintFinding> out = new ArrayList<>(lines.findings());
        FunctionRules functions = new FunctionRules(lines);
        for (Step s : lines.steps()) {
            functions.check(s, out::add);
        }
        new FlowRules(lines).check(out::add);
        vicidial(lines, out);
        ringTime(lines, input.dialTimeouts(), out);
        acrossCarriers(lines, input.others(), out);
        if (input.account() != null) {
            AccountRules.check(input.account(), out::add);
        }
        out.sort(Comparator.comparingInt(LintFinding::line).thenComparing(LintFinding::severity));
        return List.copyOf(out);
    }

    /** ViciDial's rules for carrier extensions: call_log AGI at priority 1, Dial with the o option. */
    private static void vicidial(DialplanLines lines, List<LintFinding> out) {
        Map<String, Step> firsts = new LinkedHashMap<>();
        for (Step s : lines.steps()) {
            if (!s.inExternal()) {
                continue;
            }
            firsts.merge(s.exten(), s, (a, b) -> a.priority() <= b.priority() ? a : b);
            if (s.is("Dial") && !PARENS.matcher(DialplanSyntax.arg(s.args(), 2)).replaceAll("").contains("o")) {
                out.add(new LintFinding(Severity.WARNING, s.line(), "dial-o-option", "Dial without the o option: "
                        + "the trunk leg does not carry ViciDial's caller code as caller ID (REQUIREMENTS.txt makes "
                        + "o mandatory for outbound carriers)", "add o to Dial's options, e.g. Dial(...,${CAMPDTO},To)"));
            }
        }
        for (Step first : firsts.values()) {
            boolean agi = first.priority() == 1 && first.is("AGI") && first.args().contains("call_log");
            if (first.exten().startsWith("_") && !agi) {
                out.add(new LintFinding(Severity.WARNING, first.line(), "call-log-agi", first.exten() + ": priority 1 "
                        + "is not ViciDial's call_log AGI, so call_log and vicidial_carrier_log miss these calls",
                        "start the extension with exten => " + first.exten()
                                + ",1,AGI(agi://127.0.0.1:4577/call_log)"));
            }
        }
    }

    /** The ring time of every Dial in one extension added up against each campaign's dial timeout. */
    private static void ringTime(DialplanLines lines, List<Integer> dialTimeouts, List<LintFinding> out) {
        Map<String, List<Step>> byExten = new LinkedHashMap<>();
        for (Step s : lines.steps()) {
            if (s.is("Dial")) {
                byExten.computeIfAbsent(s.context() + "," + s.exten(), k -> new ArrayList<>()).add(s);
            }
        }
        for (List<Step> dials : byExten.values()) {
            int literal = 0;
            int budgets = 0;
            for (Step d : dials) {
                String timeout = DialplanSyntax.arg(d.args(), 1);
                String ring = (timeout.indexOf('^') >= 0 ? timeout.substring(0, timeout.indexOf('^')) : timeout).strip();
                if (SECONDS.matcher(ring).matches()) {
                    literal += Integer.parseInt(ring);
                } else if (ring.equals("${CAMPDTO}")) {
                    budgets++;
                }
            }
            Optional<LintFinding> f = ringFinding(dials, literal, budgets, dialTimeouts);
            f.ifPresent(out::add);
        }
    }

    private static Optional<LintFinding> ringFinding(List<Step> dials, int literal, int budgets,
                                                     List<Integer> dialTimeouts) {
        Step last = dials.get(dials.size() - 1);
        String fix = "compute each attempt's ring time from what is left of ${CAMPDTO} (budget minus the time "
                + "since the first attempt, from ${EPOCH}), or give the attempts literal times that add up to it";
        for (int t : dialTimeouts.stream().sorted().toList()) {
            int total = literal + budgets * t;
            if (total > t) {
                return Optional.of(new LintFinding(Severity.WARNING, last.line(), "ring-time", "the Dials of "
                        + last.exten() + " can ring " + total + " s in all, over the campaign's dial timeout of " + t
                        + " s: ViciDial's Originate gives up first, so a later attempt that starts late is cut off", fix));
            }
        }
        if (dialTimeouts.isEmpty() && budgets >= 2) {
            return Optional.of(new LintFinding(Severity.WARNING, last.line(), "ring-time", budgets + " Dials of "
                    + last.exten() + " each ring for the whole ${CAMPDTO}: together they exceed the campaign's dial "
                    + "timeout, so a trunk that rings out leaves no time for the next one", fix));
        }
        return Optional.empty();
    }

    /** Exten+priority that another carrier on the same dialer already defines: only one of the two ever runs. */
    private static void acrossCarriers(DialplanLines lines, List<OtherCarrier> others, List<LintFinding> out) {
        for (OtherCarrier other : others) {
            DialplanEntry theirs = DialplanEntryParser.parse(other.dialplanEntry(), GlobalsString.EMPTY);
            Map<String, Step> reported = new LinkedHashMap<>();
            for (Step s : lines.steps()) {
                if (!s.inExternal() || reported.containsKey(s.exten())) {
                    continue;
                }
                Optional<DialplanExtension> x = theirs.extension(DialPattern.of(s.exten()));
                if (x.isPresent() && x.get().step(s.priority()).isPresent()) {
                    reported.put(s.exten(), s);
                    out.add(new LintFinding(Severity.ERROR, s.line(), "duplicate-across-carriers", "carrier "
                            + other.carrierId() + " on the same dialer also defines " + s.exten() + " priority "
                            + s.priority() + ": Asterisk keeps whichever carrier comes first in "
                            + "extensions-vicidial.conf and drops the other's lines, so one of the two routes never "
                            + "runs as written", "serve a different dial prefix, or deactivate one of the carriers"));
                }
            }
        }
    }
}
