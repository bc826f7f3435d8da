package trunkops.health.ui;

import java.util.Locale;

import trunkops.health.TrunkView;

/**
 * What the sidebar lets through, the same for every view beside it (board tiles and the trunk table): a text
 * matched against server, carrier, peer, address and state word (any case), and the dialer selected in the list.
 *
 * @param text     lower-cased, stripped; empty = any
 * @param serverId the selected dialer, or null for all
 */
public record TrunkFilter(String text, String serverId) {

    public static final TrunkFilter NONE = new TrunkFilter("", null);

    public TrunkFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public TrunkFilter withText(String t) {
        return new TrunkFilter(t, serverId);
    }

    public TrunkFilter withServer(String s) {
        return new TrunkFilter(text, s);
    }

    /** Whether anything is filtered out at all. */
    public boolean active() {
        return !text.isEmpty() || serverId != null;
    }

    public boolean test(TrunkView t) {
        return (serverId == null || t.serverId().equals(serverId))
                && (text.isEmpty() || (t.serverId() + " " + t.carrierId() + " " + t.carrierName() + " " + t.peer()
                + " " + t.address() + " " + t.state().label()).toLowerCase(Locale.ROOT).contains(text));
    }
}
