package trunkops.push;

import java.util.Objects;

/**
 * A route's router carrier row in {@code vicidial_server_carriers}, as far as a push writes it.
 *
 * @param carrierId     the route's name
 * @param dialplanEntry the generated dialplan text
 * @param globalsString the generated globals
 * @param serverIp      {@code 0.0.0.0} (every dialer) or one dialer's address (the canary stage)
 * @param active        'Y' when ViciDial generates it
 * @param accountEntry  the peer sections the keepalive writes into sip.conf ("" when the route defines none)
 */
public record RouterRow(String carrierId, String dialplanEntry, String globalsString, String serverIp,
                        boolean active, String accountEntry) {

    public static final String ALL_SERVERS = "0.0.0.0";

    public RouterRow {
        Objects.requireNonNull(carrierId, "carrierId");
        dialplanEntry = dialplanEntry == null ? "" : dialplanEntry;
        globalsString = globalsString == null ? "" : globalsString;
        Objects.requireNonNull(serverIp, "serverIp");
        accountEntry = accountEntry == null ? "" : accountEntry;
    }

    /** A row with no peers ({@code account_entry} empty). */
    public RouterRow(String carrierId, String dialplanEntry, String globalsString, String serverIp, boolean active) {
        this(carrierId, dialplanEntry, globalsString, serverIp, active, "");
    }

    public RouterRow scopedTo(String ip) {
        return new RouterRow(carrierId, dialplanEntry, globalsString, ip, active, accountEntry);
    }

    /** True when a dialer at {@code ip} generates this row. */
    public boolean reaches(String ip) {
        return active && (ALL_SERVERS.equals(serverIp) || serverIp.equals(ip));
    }

    /** What differs from {@code now}, field by field (for "changed since the push was built"). */
    public String differences(RouterRow now) {
        java.util.List<String> d = new java.util.ArrayList<>();
        if (!serverIp.equals(now.serverIp)) {
            d.add("server_ip " + serverIp + " -> " + now.serverIp);
        }
        if (active != now.active) {
            d.add("active " + (active ? "Y" : "N") + " -> " + (now.active ? "Y" : "N"));
        }
        if (!globalsString.equals(now.globalsString)) {
            d.add("globals_string '" + cut(globalsString) + "' -> '" + cut(now.globalsString) + "'");
        }
        if (!dialplanEntry.equals(now.dialplanEntry)) {
            d.add("dialplan_entry " + PlanText.of(dialplanEntry).marker().orElse("(no marker)") + " -> "
                    + PlanText.of(now.dialplanEntry).marker().orElse("(no marker)") + " (text differs)");
        }
        if (!accountEntry.equals(now.accountEntry)) {
            d.add("account_entry '" + cut(accountEntry) + "' -> '" + cut(now.accountEntry) + "'");
        }
        return String.join("; ", d);
    }

    private static String cut(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 60) + "..." : one;
    }

    /** Same text and scope (what a dialer would generate from it). */
    public boolean sameContent(RouterRow o) {
        return o != null && dialplanEntry.equals(o.dialplanEntry) && globalsString.equals(o.globalsString)
                && active == o.active && accountEntry.equals(o.accountEntry);
    }
}
