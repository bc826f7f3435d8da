package trunkops.ami;

import java.util.Objects;

/** One dialer's manager interface and the user the console logs in as (the secret is supplied separately, never stored here). */
public record AmiTarget(String serverId, String host, int port, String username) {
    public AmiTarget {
        Objects.requireNonNull(serverId);
        Objects.requireNonNull(host);
        Objects.requireNonNull(username);
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("AMI port out of range for " + serverId + ": " + port);
        }
    }

    @Override
    public String toString() {
        return serverId + " (" + username + "@" + host + ":" + port + ")";
    }
}
