package trunkops.health;

import java.util.function.Supplier;

/**
 * How to reach one cluster: its ViciDial database and the AMI user the console logs in with on every dialer.
 * Secrets are suppliers, asked each time they are needed (from the keyring or the operator), never stored here.
 */
public record ClusterAccess(String name, boolean lab, String jdbcUrl, String dbUser, Supplier<char[]> dbPassword,
                            String amiUser, Supplier<char[]> amiSecret) {

    @Override
    public String toString() {
        return "ClusterAccess[" + name + ", " + jdbcUrl + ", db user " + dbUser + ", AMI user " + amiUser + "]";
    }
}
