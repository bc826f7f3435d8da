package trunkops.control.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Who acts: the OS user running the console and the console's host, with the role the admin's policy gives that
 * user (docs/adr/0010). {@link #display()} is what the audit and the CLI print: {@code alice@noc-3 (operator)}.
 */
public record Identity(String user, String host, Role role) {

    public Identity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
    }

    /** The OS user and host of this process (the role still to be looked up: {@link RolePolicy#identify}). */
    public static Identity currentUser(RolePolicy policy) {
        return policy.identify(System.getProperty("user.name", "unknown"), localHost());
    }

    /** The host name, else {@code HOSTNAME}/{@code COMPUTERNAME}, else {@code unknown-host}. Never blocks long. */
    public static String localHost() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            if (h != null && !h.isBlank()) {
                return h;
            }
        } catch (UnknownHostException | SecurityException e) {
            // fall through to the environment
        }
        for (String v : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String h = System.getenv(v);
            if (h != null && !h.isBlank()) {
                return h.strip();
            }
        }
        return "unknown-host";
    }

    /** {@code alice@noc-3}. */
    public String who() {
        return user + "@" + host;
    }

    /** {@code alice@noc-3 (operator)}. */
    public String display() {
        return who() + " (" + role.name().toLowerCase(Locale.ROOT) + ")";
    }
}
