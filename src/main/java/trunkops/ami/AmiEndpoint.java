package trunkops.ami;

import java.util.Objects;

/** Where one dialer's manager interface is and who logs in (the secret is supplied separately, never stored here). */
public record AmiEndpoint(String serverId, String host, int port, String username) {
    public AmiEndpoint {
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
