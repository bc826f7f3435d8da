package trunkops.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a campaign's auto-dial calls go on one server: the dial string ViciDial builds
 * ({@code <prefix><phone code><number>}) run against the carrier patterns live on that server.
 *
 * @param campaign     the campaign
 * @param list         the list whose non-empty dial_prefix overrides the campaign's, if this route is for one
 * @param prefix       the prefix actually dialed (list override, else campaign dial_prefix, else {@code 9}; a prefix
 *                     containing X is dialed as no prefix at all)
 * @param prefixSource where the prefix came from
 * @param serverId     the dialer
 * @param dialString   the representative dial string the route was computed for
 * @param matched      the pattern Asterisk picks for it, with the carrier that registered it; empty = no route
 * @param candidates   every carrier pattern on this server that some dial string with this prefix could match,
 *                     in Asterisk's precedence order (including ones shadowed by a collision)
 * @param trunks       the trunks the matched extension dials, in priority order
 * @param problems     why calls would not reach a trunk, or reach a different one than written
 */
public record CampaignRoute(CampaignRow campaign, Optional<ListRow> list, String prefix, PrefixSource prefixSource,
                            String serverId, String dialString, Optional<PatternRef> matched,
                            List<PatternRef> candidates, List<Trunk> trunks, List<String> problems) {

    public enum PrefixSource {
        /** vicidial_campaigns.dial_prefix */
        CAMPAIGN,
        /** vicidial_lists.dial_prefix overriding the campaign's */
        LIST,
        /** the campaign's dial_prefix is empty: AST_VDauto_dial uses 9 */
        DEFAULT
    }

    public CampaignRoute {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(prefixSource, "prefixSource");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(dialString, "dialString");
        Objects.requireNonNull(matched, "matched");
        candidates = List.copyOf(candidates);
        trunks = List.copyOf(trunks);
        problems = List.copyOf(problems);
    }

    public String campaignId() {
        return campaign.campaignId();
    }

    /** Whether calls on this route reach at least one trunk. */
    public boolean routed() {
        return matched.isPresent() && !trunks.isEmpty();
    }

    /** Whether ViciDial dials this route at all: the campaign is active and so is the list, if any. */
    public boolean dialing() {
        return campaign.active() && list.map(ListRow::active).orElse(true);
    }

    /** The carrier whose pattern the calls hit, if any. */
    public Optional<String> carrierId() {
        return matched.map(PatternRef::carrierId);
    }
}
