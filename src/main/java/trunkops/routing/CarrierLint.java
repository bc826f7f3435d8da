package trunkops.routing;

import java.util.List;
import java.util.Locale;

import trunkops.routing.LintFinding.Severity;
import trunkops.topology.CampaignRoute;
import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;

/**
 * Lints an existing carrier of the cluster with what the topology knows about it: its account_entry, the dial
 * timeouts of the campaigns whose calls reach it, and the other active carriers generated on the same dialers
 * (in the keepalive's order).
 */
public final class CarrierLint {

    private CarrierLint() {
    }

    public static List<LintFinding> of(Carrier carrier, ClusterTopology topology) {
        List<Integer> timeouts = topology.routes().stream()
                .filter(r -> r.matched().isPresent() && r.matched().get().carrierId().equals(carrier.carrierId()))
                .map(CampaignRoute::campaign).distinct().map(c -> c.dialTimeout() <= 4 ? 60 : c.dialTimeout())
                .distinct().toList();
        List<DialplanLinter.OtherCarrier> others = topology.carriers().stream()
                .filter(o -> o != carrier && o.routes() && o.serverIds().stream().anyMatch(carrier.serverIds()::contains))
                .map(o -> new DialplanLinter.OtherCarrier(o.carrierId(), o.row().dialplanEntry())).toList();
        return DialplanLinter.lint(new DialplanLinter.Input(carrier.row().dialplanEntry(), carrier.account(), timeouts,
                others));
    }

    /** A glyph that reads without colour: ✖ error, ▲ warning, ● info. */
    public static String glyph(Severity severity) {
        return switch (severity) {
            case ERROR -> "\u2716";
            case WARNING -> "\u25B2";
            case INFO -> "\u25CF";
        };
    }

    /** {@code ✖ error line 3 [macro]: why -- fix} for a list or tooltip. */
    public static String display(LintFinding f) {
        return glyph(f.severity()) + " " + f.severity().name().toLowerCase(Locale.ROOT)
                + (f.line() > 0 ? " line " + f.line() : "") + " [" + f.rule() + "]: " + f.why() + " \u2014 fix: "
                + f.fix();
    }

    /** {@code ✖ 1 error ▲ 2 warnings}: a short summary for a table cell; empty when nothing was found. */
    public static String summary(List<LintFinding> findings) {
        StringBuilder b = new StringBuilder();
        for (Severity s : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                b.append(b.isEmpty() ? "" : " ").append(glyph(s)).append(' ').append(n).append(' ')
                        .append(s.name().toLowerCase(Locale.ROOT)).append(n == 1 ? "" : s == Severity.INFO ? "" : "s");
            }
        }
        return b.toString();
    }
}
