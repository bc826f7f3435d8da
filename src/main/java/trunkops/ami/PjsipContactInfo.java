package trunkops.ami;

import java.util.Locale;

/**
 * One PJSIP contact of an endpoint as the dialer reports it: an item of {@code PJSIPShowEndpoint}'s
 * {@code ContactStatusDetail} (the only AMI list that shows static {@code contact=} trunk contacts:
 * {@code PJSIPShowContacts} answers "No Contacts found" for them) or a {@code ContactStatus} event.
 *
 * @param status  res_pjsip's word: {@code Reachable}, {@code Unreachable}, {@code NonQualified}, {@code Unknown}, or
 *                an event's {@code Created} / {@code Removed} / {@code Updated}
 * @param rttUsec the qualify round trip in <b>microseconds</b> ({@code RoundtripUsec}), -1 when unknown: {@code N/A}
 *                in the list, {@code 0} in an Unreachable event
 */
public record PjsipContactInfo(String endpoint, String aor, String uri, String status, long rttUsec) {

    public PjsipContactInfo {
        endpoint = endpoint == null ? "" : endpoint.strip();
        aor = aor == null ? "" : aor.strip();
        uri = uri == null ? "" : uri.strip();
        status = status == null ? "" : status.strip();
    }

    /** Reads the {@code RoundtripUsec} header: digits, or {@code N/A} / {@code 0} / anything else meaning unknown. */
    public static PjsipContactInfo of(String endpoint, String aor, String uri, String status, String roundtripUsec) {
        long usec = -1;
        String r = roundtripUsec == null ? "" : roundtripUsec.strip();
        if (!r.isEmpty() && r.length() <= 12 && r.chars().allMatch(Character::isDigit)) {
            usec = Long.parseLong(r);
        }
        if (usec == 0 && !isReachable(status)) {
            usec = -1; // the ContactStatus event says 0 when the contact is down: no round trip
        }
        return new PjsipContactInfo(endpoint, aor, uri, status, usec);
    }

    private static boolean isReachable(String status) {
        return status != null && status.strip().equalsIgnoreCase("Reachable");
    }

    public boolean reachable() {
        return isReachable(status);
    }

    public boolean unreachable() {
        return status.equalsIgnoreCase("Unreachable");
    }

    /** The contact is gone (an event's {@code Removed}). */
    public boolean removed() {
        return status.equalsIgnoreCase("Removed");
    }

    /** Not qualified at all ({@code NonQualified}, CLI {@code NonQual}): the aor's qualify_frequency is 0. */
    public boolean nonQualified() {
        return status.toLowerCase(Locale.ROOT).startsWith("nonqual");
    }

    /** The round trip in whole milliseconds (rounded), -1 when unknown. */
    public int rttMs() {
        return rttUsec < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, (rttUsec + 500) / 1000);
    }
}
