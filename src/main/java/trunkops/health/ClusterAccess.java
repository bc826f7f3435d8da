package trunkops.health;

import java.util.function.Supplier;

import trunkops.ami.AmiTls;

/**
 * How to reach one cluster: its ViciDial database and the AMI user the console logs in with on every dialer.
 * Secrets are suppliers, asked each time they are needed (from the keyring or the operator), never stored here.
 * {@code amiTls} is null for plain AMI, else the TLS port and trust used on every dialer.
 */
public record ClusterAccess(String name, boolean lab, String jdbcUrl, String dbUser, Supplier<char[]> dbPassword,
                            String amiUser, Supplier<char[]> amiSecret, AmiTls amiTls) {

    public ClusterAccess(String name, boolean lab, String jdbcUrl, String dbUser, Supplier<char[]> dbPassword,
                         String amiUser, Supplier<char[]> amiSecret) {
        this(name, lab, jdbcUrl, dbUser, dbPassword, amiUser, amiSecret, null);
    }

    @Override
    public String toString() {
        return "ClusterAccess[" + name + ", " + jdbcUrl + ", db user " + dbUser + ", AMI user " + amiUser
                + (amiTls == null ? "" : ", AMI over TLS on port " + amiTls.port()) + "]";
    }
}
