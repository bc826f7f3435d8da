package trunkops.routing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dialplan form of {@link FailoverPolicy#failsOver(String, int)}: three {@code Set(TO_GO=...)} lines, each
 * overriding the one before, in the reverse order of the Java method's precedence. {@code TO_SC} holds the SIP code
 * (0 = none) and is always digits, so it appears unquoted in numeric comparisons.
 */
final class FailoverDecision {

    private FailoverDecision() {
    }

    static void write(FailoverPolicy policy, ExtenLines x) {
        Set<String> statuses = policy.dialStatuses();
        if (statuses.isEmpty()) {
            x.add("Set(TO_GO=0)");
        } else {
            x.add("Set(TO_GO=${IF($[" + statuses.stream().map(s -> "\"${DIALSTATUS}\" = \"" + s + "\"")
                    .collect(Collectors.joining(" | ")) + "]?1:0)})");
        }
        Set<Integer> stop = policy.stopCodes();
        if (!stop.isEmpty()) {
            x.add("Set(TO_GO=${IF($[" + stop.stream().map(c -> "${TO_SC} = " + c)
                    .collect(Collectors.joining(" | ")) + "]?0:${TO_GO})})");
        }
        List<FailoverTrigger> sip = policy.sipTriggers();
        if (!sip.isEmpty()) {
            x.add("Set(TO_GO=${IF($[" + sip.stream().map(FailoverDecision::covers)
                    .collect(Collectors.joining(" | ")) + "]?1:${TO_GO})})");
        }
    }

    private static String covers(FailoverTrigger t) {
        if (t.sipFrom() == t.sipTo()) {
            return "${TO_SC} = " + t.sipFrom();
        }
        return "(${TO_SC} >= " + t.sipFrom() + " & ${TO_SC} <= " + t.sipTo() + ")";
    }
}
