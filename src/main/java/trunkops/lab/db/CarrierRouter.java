package trunkops.lab.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import trunkops.lab.LabClusterSpec;

/**
 * Which carrier row an auto-dial call leaves through on one dialer, decided the way that dialer's Asterisk would
 * decide it from the {@code [vicidial-auto-external]} context the keepalive generates.
 *
 * <p>Rules, all deterministic:
 * <ol>
 *   <li>Carriers taken: {@code active='Y'} and {@code server_ip} is the dialer's or {@code 0.0.0.0}, with protocol
 *       IAX2, SIP, PJSIP_WIZ or PJSIP (Zap/EXTERNAL rows generate nothing), in the keepalive's order: protocol in that
 *       order, then {@code carrier_id} (case-insensitively, as MySQL's utf8_unicode_ci orders it).</li>
 *   <li>Among every extension of those carriers that matches the dial string, the most specific by Asterisk's sort
 *       order ({@link AsteriskPattern#SPECIFICITY}) wins.</li>
 *   <li>Two carriers defining the same extension: the first in keepalive order owns it (Asterisk refuses the
 *       later duplicate priority 1: "extension already in use").</li>
 * </ol>
 */
public final class CarrierRouter {

    /** The protocols the keepalive generates config for, in its order (ADMIN_keepalive_ALL.pl ~3420-3630). */
    public static final List<String> PROTOCOL_ORDER = List.of("IAX2", "SIP", "PJSIP_WIZ", "PJSIP");

    /** The chosen carrier and extension for one dial string. */
    public record Route(CarrierDialplan carrier, AsteriskPattern extension) {
        public String carrierId() {
            return carrier.carrierId();
        }
    }

    private final String serverIp;
    private final List<CarrierDialplan> carriers;

    private CarrierRouter(String serverIp, List<CarrierDialplan> carriers) {
        this.serverIp = serverIp;
        this.carriers = List.copyOf(carriers);
    }

    /** The router of dialer {@code serverIp} for the carriers of a lab spec (carriers use no conf template). */
    public static CarrierRouter forServer(String serverIp, List<LabClusterSpec.Carrier> all) {
        List<LabClusterSpec.Carrier> chosen = new ArrayList<>();
        for (LabClusterSpec.Carrier c : all) {
            boolean onServer = c.serverIp().equals(serverIp) || c.serverIp().equals("0.0.0.0");
            if (c.active() && onServer && PROTOCOL_ORDER.contains(protocol(c.protocol()))) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.<LabClusterSpec.Carrier>comparingInt(c -> PROTOCOL_ORDER.indexOf(protocol(c.protocol())))
                .thenComparing(c -> c.carrierId().toLowerCase(Locale.ROOT)));
        return new CarrierRouter(serverIp, chosen.stream()
                .map(c -> CarrierDialplan.parse(c.carrierId(), c.globalsString(), c.accountEntry(), "",
                        c.dialplanEntry()))
                .toList());
    }

    /** A router over carrier dialplans already in keepalive order (e.g. read by {@link LabViciStore}). */
    public static CarrierRouter ofOrdered(String serverIp, List<CarrierDialplan> inKeepaliveOrder) {
        return new CarrierRouter(serverIp, inKeepaliveOrder);
    }

    public String serverIp() {
        return serverIp;
    }

    /** The carriers on this dialer, in keepalive order. */
    public List<CarrierDialplan> carriers() {
        return carriers;
    }

    /** The route of {@code dialString}, or empty when no extension matches (the Originate fails, nothing is logged). */
    public Optional<Route> route(String dialString) {
        Route best = null;
        for (CarrierDialplan carrier : carriers) {
            for (AsteriskPattern extension : carrier.extensions()) {
                if (!extension.matches(dialString)) {
                    continue;
                }
                if (best == null || AsteriskPattern.SPECIFICITY.compare(extension, best.extension()) < 0) {
                    best = new Route(carrier, extension);      // strictly more specific; ties keep the earlier owner
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every (carrier, extension) on this dialer that matches {@code dialString}, in keepalive order. */
    public List<Route> allMatches(String dialString) {
        List<Route> matches = new ArrayList<>();
        for (CarrierDialplan carrier : carriers) {
            for (AsteriskPattern extension : carrier.extensions()) {
                if (extension.matches(dialString)) {
                    matches.add(new Route(carrier, extension));
                }
            }
        }
        return matches;
    }

    private static String protocol(String protocol) {
        return protocol == null ? "SIP" : protocol.toUpperCase(Locale.ROOT);
    }
}
