package trunkops.health;

import trunkops.ami.AmiLinkStatus;

/**
 * One dialer as the status bar and the server list show it.
 *
 * @param problem a standing problem with this dialer's link that is not a state (e.g. the latency poll refused)
 */
public record ServerView(String serverId, String serverIp, String amiAddress, AmiLinkStatus link,
                         long eventsReceived, long eventsDropped, int trunks, int calls, String problem) {
}
