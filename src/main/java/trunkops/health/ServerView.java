package trunkops.health;

import trunkops.ami.AmiLinkStatus;

/** One dialer as the status bar and the server list show it. */
public record ServerView(String serverId, String serverIp, String amiAddress, AmiLinkStatus link,
                         long eventsReceived, long eventsDropped, int trunks) {
}
