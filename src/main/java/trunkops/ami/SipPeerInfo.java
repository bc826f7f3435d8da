package trunkops.ami;

/**
 * One chan_sip peer as a dialer reports it in SIPpeers: address, and the qualify verdict with its latency.
 *
 * @param status      the verdict parsed from chan_sip's status text
 * @param latencyMs   the qualify round trip in ms, or -1 when not known
 * @param statusText  chan_sip's own text, e.g. {@code OK (28 ms)}
 */
public record SipPeerInfo(String name, String address, int port, QualifyStatus status, int latencyMs,
                          String statusText) {

    /** chan_sip's peer_status() verdicts. */
    public enum QualifyStatus { OK, LAGGED, UNREACHABLE, UNKNOWN, UNMONITORED }

    /** Parses chan_sip's status text: {@code OK (1 ms)}, {@code LAGGED (2500 ms)}, {@code UNREACHABLE}, ... */
    public static SipPeerInfo of(String name, String address, int port, String statusText) {
        String s = statusText == null ? "" : statusText.strip();
        QualifyStatus st;
        if (s.startsWith("OK")) {
            st = QualifyStatus.OK;
        } else if (s.startsWith("LAGGED")) {
            st = QualifyStatus.LAGGED;
        } else if (s.startsWith("UNREACHABLE")) {
            st = QualifyStatus.UNREACHABLE;
        } else if (s.equalsIgnoreCase("Unmonitored")) {
            st = QualifyStatus.UNMONITORED;
        } else {
            st = QualifyStatus.UNKNOWN;
        }
        int latency = -1;
        int open = s.indexOf('(');
        int ms = s.indexOf(" ms)");
        if (open >= 0 && ms > open) {
            try {
                latency = Integer.parseInt(s.substring(open + 1, ms).strip());
            } catch (NumberFormatException e) {
                latency = -1;
            }
        }
        return new SipPeerInfo(name, address, port, st, latency, s);
    }
}
