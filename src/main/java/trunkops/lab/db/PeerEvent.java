package trunkops.lab.db;

import java.time.Instant;

/**
 * A {@code vicidial_peer_event_log} row as AST_manager_listen_AMI2.pl writes it from an AMI {@code PeerStatus} event
 * (~660-680): event_type = the PeerStatus value (stored upper case by the ENUM), channel_type and peer
 * ({@code SIP/<name>}) from the event, data = {@code |PingTime=..|Time=..|MaxPing=..|} with only the fields the event
 * carried; channel, host_ip and port stay at their defaults.
 */
public record PeerEvent(Instant time, String serverIp, String eventType, String channelType, String peer,
                        String data) implements ViciRow {
}
