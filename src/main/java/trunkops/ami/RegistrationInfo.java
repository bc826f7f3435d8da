package trunkops.ami;

import java.util.Locale;

import trunkops.topology.Tech;

/**
 * One outbound registration a dialer holds: chan_sip's {@code register =>} (an item of {@code SIPshowregistry}) or a
 * res_pjsip {@code type=registration} object (an {@code OutboundRegistrationDetail} of
 * {@code PJSIPShowRegistrationsOutbound}).
 *
 * @param name      the PJSIP registration object's name; for chan_sip {@code user@host:port}
 * @param endpoint  the PJSIP endpoint it serves ({@code endpoint=} of the registration), "" when none / chan_sip
 * @param client    what a {@code Registry} event calls {@code Username}: PJSIP's client URI
 *                  ({@code sip:labuser@127.0.0.1:5075}), chan_sip's user name
 * @param server    what a {@code Registry} event calls {@code Domain}: PJSIP's server URI, chan_sip's host
 * @param state     the dialer's word: {@code Registered}, {@code Rejected}, {@code Unregistered}, chan_sip's
 *                  {@code Request Sent}, {@code Auth. Sent}, {@code Timeout}, {@code No Authentication}...
 */
public record RegistrationInfo(Tech tech, String name, String endpoint, String client, String server, String state) {

    public RegistrationInfo {
        name = text(name);
        endpoint = text(endpoint);
        client = text(client);
        server = text(server);
        state = text(state);
    }

    /** A registration known only by its server (to read a contact URI's host and port). */
    public static RegistrationInfo of(Tech tech, String serverUri) {
        return new RegistrationInfo(tech, serverUri, "", "", serverUri, "");
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** Whether the dialer is registered (the only good state). */
    public boolean registered() {
        return state.equalsIgnoreCase("Registered");
    }

    /** The host of {@link #server} (URI or plain host, with or without port), lower case; "" when none. */
    public String serverHost() {
        return hostOf(server);
    }

    /** The port of {@link #server}, 0 when it names none. */
    public int serverPort() {
        String h = stripScheme(server);
        int colon = h.lastIndexOf(':');
        if (colon < 0 || h.startsWith("[") && !h.substring(colon - 1).startsWith("]")) {
            return 0;
        }
        try {
            return Integer.parseInt(h.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code sip:user@host:port;params} → {@code host} (lower case). */
    static String hostOf(String uri) {
        String h = stripScheme(uri);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end).toLowerCase(Locale.ROOT);
        }
        int colon = h.indexOf(':');
        return (colon < 0 ? h : h.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static String stripScheme(String uri) {
        String h = uri == null ? "" : uri.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            h = h.substring(5);
        } else if (lower.startsWith("sip:")) {
            h = h.substring(4);
        }
        int at = h.lastIndexOf('@');
        if (at >= 0) {
            h = h.substring(at + 1);
        }
        int semi = h.indexOf(';');
        if (semi >= 0) {
            h = h.substring(0, semi);
        }
        int slash = h.indexOf('/');
        return slash >= 0 ? h.substring(0, slash) : h;
    }
}
