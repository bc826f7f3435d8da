package trunkops.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

import trunkops.topology.Tech;

/**
 * The options every control command shares: where the dialers are (one {@code --ami}, or a cluster through
 * {@code --jdbc}), which of them ({@code --server}, {@code --all}), and why ({@code --reason}, {@code --ticket}).
 */
final class ControlOptions {

    @Option(names = "--ami", paramLabel = "<host[:port]>",
            description = "One Asterisk's AMI address (port 5038 when left out); the dialer is named by its host.")
    String ami;

    @Option(names = "--jdbc", paramLabel = "<url>",
            description = "ViciDial's database: the cluster's dialers and the carriers that define each trunk.")
    String jdbc;

    @Option(names = "--user", required = true, paramLabel = "<user>",
            description = "The AMI user (manager.conf; needs write class 'system').")
    String user;

    @Option(names = "--secret-env", paramLabel = "<VAR>",
            description = "The environment variable holding the AMI secret (else the OS keyring, else a prompt).")
    String secretEnv;

    @Option(names = "--db-user", paramLabel = "<user>", description = "The database user (needed with --jdbc).")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "<VAR>",
            description = "The environment variable holding the database password.")
    String dbPasswordEnv;

    @Option(names = "--server", paramLabel = "<dialer>",
            description = "With --jdbc: a dialer (server_id or server_ip); repeat for more.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--all", description = "With --jdbc: every dialer whose carriers define the trunk.")
    boolean all;

    @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why (goes to the journal).")
    String reason;

    @Option(names = "--ticket", paramLabel = "<id>", description = "The ticket this action belongs to.")
    String ticket;

    @Option(names = "--timeout-ms", paramLabel = "<ms>", defaultValue = "2000",
            description = "How long each dialer may take per step (default ${DEFAULT-VALUE}).")
    int timeoutMs;

    /** A trunk as typed: {@code peer} (chan_sip) or {@code TECH/peer}. */
    record TrunkName(Tech tech, String peer) {
    }

    static TrunkName trunk(String typed) {
        int slash = typed.indexOf('/');
        if (slash > 0) {
            Optional<Tech> tech = Tech.fromDialTech(typed.substring(0, slash));
            if (tech.isPresent()) {
                return new TrunkName(tech.get(), typed.substring(slash + 1));
            }
        }
        return new TrunkName(Tech.SIP, typed);
    }

    /** {@code --until}: an ISO instant ({@code 2026-12-05T09:00:00Z}), with an offset, or local time. */
    static Instant until(String typed, ZoneId zone) {
        try {
            return Instant.parse(typed);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(typed).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(typed).atZone(zone).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("--until '" + typed + "' is not an ISO date-time"
                            + " (e.g. 2026-12-05T09:00:00Z or 2026-12-05T10:00)");
                }
            }
        }
    }

    /** Refuses a combination that does not name the dialers unambiguously (exit 2). */
    void checkTargets() {
        if ((ami == null) == (jdbc == null)) {
            throw new IllegalArgumentException("name the dialers with --ami <host:port> (one Asterisk) or --jdbc"
                    + " <url> (a cluster), not both or neither");
        }
        if (ami != null && (all || !servers.isEmpty())) {
            throw new IllegalArgumentException("--server and --all go with --jdbc; --ami names one dialer");
        }
        if (jdbc != null && all == !servers.isEmpty()) {
            throw new IllegalArgumentException("with --jdbc name the dialers: --server <dialer> (repeatable) or"
                    + " --all, one of them");
        }
        if (jdbc != null && dbUser == null) {
            throw new IllegalArgumentException("--jdbc needs --db-user");
        }
        if (timeoutMs < 100 || timeoutMs > 60_000) {
            throw new IllegalArgumentException("--timeout-ms must be 100-60000");
        }
    }
}
