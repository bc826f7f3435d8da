package trunkops.health;

/**
 * One line of the event timeline: a trunk's verdict changed, a dialer's AMI link or the database changed state.
 *
 * @param subject e.g. {@code DIALER3/orbit-west}, {@code DIALER2 AMI}, {@code database}
 */
public record TimelineEntry(long atMillis, String serverId, String subject, String from, String to, String detail) {
}
