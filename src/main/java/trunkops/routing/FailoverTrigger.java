package trunkops.routing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One outcome of a Dial attempt that moves the call to the next member: a {@code DIALSTATUS} value
 * ({@code CHANUNAVAIL}) or a SIP response code or class ({@code 503}, {@code 5xx}) read from
 * {@code HANGUPCAUSE(<channel>,tech)}. A SIP code is known only when the trunk answered the INVITE with a final
 * response; a trunk that is unreachable or silent has none, which is why the DIALSTATUS triggers exist too.
 *
 * <p>Customer outcomes ({@link #customerOutcome()}) are the callee's answer, not the carrier's failure:
 * BUSY, NOANSWER, CANCEL and 404/410/480/484/486/487/600/603/604. Failing over on one of them re-dials a customer
 * who said no (seed-dialplan-measured.md, trap 8).
 *
 * @param dialStatus the DIALSTATUS, or empty for a SIP trigger
 * @param sipFrom    first SIP code covered (0 for a DIALSTATUS trigger)
 * @param sipTo      last SIP code covered
 */
public record FailoverTrigger(String dialStatus, int sipFrom, int sipTo) {

    /** The DIALSTATUS values Dial can end with and a route may name. */
    public static final Set<String> DIAL_STATUSES = Set.of("CHANUNAVAIL", "CONGESTION", "BUSY", "NOANSWER", "CANCEL");
    public static final Set<String> CUSTOMER_STATUSES = Set.of("BUSY", "NOANSWER", "CANCEL");
    /** SIP finals that are the callee's answer (or a wrong number), never the carrier's fault. */
    public static final Set<Integer> CUSTOMER_SIP_CODES = Set.of(404, 410, 480, 484, 486, 487, 600, 603, 604);

    private static final Pattern SIP_CODE = Pattern.compile("(?:SIP)?([4-6])(\\d\\d|xx)", Pattern.CASE_INSENSITIVE);

    public static FailoverTrigger status(String dialStatus) {
        return new FailoverTrigger(dialStatus, 0, 0);
    }

    public static FailoverTrigger sip(int code) {
        return new FailoverTrigger("", code, code);
    }

    /**
     * Parses {@code CHANUNAVAIL}, {@code 503}, {@code SIP503} or {@code 5xx}.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static FailoverTrigger parse(String token) {
        String t = token.strip().toUpperCase(Locale.ROOT);
        if (DIAL_STATUSES.contains(t)) {
            return status(t);
        }
        Matcher m = SIP_CODE.matcher(t);
        if (m.matches()) {
            int hundreds = Integer.parseInt(m.group(1)) * 100;
            if (m.group(2).equalsIgnoreCase("xx")) {
                return new FailoverTrigger("", hundreds, hundreds + 99);
            }
            int code = hundreds + Integer.parseInt(m.group(2));
            return sip(code);
        }
        throw new IllegalArgumentException("unknown failover trigger '" + token.strip() + "': use a DIALSTATUS ("
                + String.join(", ", DIAL_STATUSES.stream().sorted().toList())
                + ") or a SIP code 400-699 such as 503, or a class such as 5xx");
    }

    public boolean isSip() {
        return dialStatus.isEmpty();
    }

    public boolean coversSip(int code) {
        return isSip() && code >= sipFrom && code <= sipTo;
    }

    /** True when this trigger would fail over on something the callee decided (see the class comment). */
    public boolean customerOutcome() {
        if (!isSip()) {
            return CUSTOMER_STATUSES.contains(dialStatus);
        }
        return CUSTOMER_SIP_CODES.stream().anyMatch(this::coversSip);
    }

    /** The text form, as parsed: {@code CHANUNAVAIL}, {@code 503}, {@code 5xx}. */
    public String text() {
        if (!isSip()) {
            return dialStatus;
        }
        if (sipFrom == sipTo) {
            return Integer.toString(sipFrom);
        }
        return (sipFrom / 100) + "xx";
    }

    @Override
    public String toString() {
        return text();
    }
}
