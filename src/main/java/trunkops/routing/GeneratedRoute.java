package trunkops.routing;

import java.util.Objects;

/**
 * What a route version becomes in ViciDial: the router carrier's {@code dialplan_entry} (the {@code exten =>}
 * lines, verbatim as the keepalive copies them into {@code [vicidial-auto-external]}) and its
 * {@code globals_string} (bare {@code NAME=value} lines, included inside {@code [globals]}).
 *
 * @param carrierId     the router carrier's carrier_id (the route's name)
 * @param dialplanEntry the dialplan text, lines separated by LF, ending with LF
 * @param globalsString the globals text, possibly empty
 * @param marker        the {@code NoOp} marker text the push step reads back ({@link RouteVersion#marker()})
 * @param accountEntry  the chan_sip peer sections of the route's own trunks ({@link Route#trunks()}), "" for none
 */
public record GeneratedRoute(String carrierId, String dialplanEntry, String globalsString, String marker,
                             String accountEntry) {

    public GeneratedRoute {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(dialplanEntry, "dialplanEntry");
        Objects.requireNonNull(globalsString, "globalsString");
        Objects.requireNonNull(marker, "marker");
        accountEntry = accountEntry == null ? "" : accountEntry;
    }

    /** A route that defines no peers. */
    public GeneratedRoute(String carrierId, String dialplanEntry, String globalsString, String marker) {
        this(carrierId, dialplanEntry, globalsString, marker, "");
    }
}
