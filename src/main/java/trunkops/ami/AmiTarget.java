package trunkops.ami;

import java.util.Objects;

/**
 * One dialer's manager interface and the user the console logs in as (the secret is supplied separately, never
 * stored here); {@code tls} is null for plain TCP.
 */
public record AmiTarget(String serverId, String host, int port, String username, AmiTls tls) {
    public AmiTarget(String serverId, String host, int port, String username) {
        this(serverId, host, port, username, null);
    }

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
        return serverId + " (" + username + "@" + host + ":" + port + (tls == null ? "" : ", TLS") + ")";
    }
}
