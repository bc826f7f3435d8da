package trunkops.topology;

import java.util.List;
import java.util.Objects;

/**
 * A server of the cluster.
 *
 * @param row      the {@code servers} row
 * @param ami      where the console reaches its AMI (server_ip + telnet_port)
 * @param warnings problems with the row itself (bad port, no address, an address shared with another server)
 */
public record DialerServer(ServerRow row, AmiEndpoint ami, List<ParseWarning> warnings) {

    public DialerServer {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(ami, "ami");
        warnings = List.copyOf(warnings);
    }

    public String serverId() {
        return row.serverId();
    }

    public String serverIp() {
        return row.serverIp();
    }

    /** Only active Asterisk servers dial, get generated config and have trunks. */
    public boolean dials() {
        return row.dials();
    }

    /**
     * Whether this server's Asterisk still accepts the 1.4 {@code App,args} dialplan syntax (1.0, 1.2 and 1.4 do;
     * 1.6 and later do not). An unreadable version counts as modern.
     */
    public boolean acceptsOldAppSyntax() {
        String v = row.asteriskVersion().strip();
        return v.startsWith("1.0") || v.startsWith("1.2") || v.startsWith("1.4");
    }
}
