package trunkops.ami;

/**
 * One observation of a manager link: its state, a human-readable reason (never containing the secret), when the
 * state began (epoch ms), and how many consecutive attempts failed.
 */
public record AmiLinkStatus(String serverId, AmiLinkState state, String message, long sinceMillis,
                            int failedAttempts) {
}
