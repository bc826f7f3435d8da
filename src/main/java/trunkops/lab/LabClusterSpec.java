package trunkops.lab;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the lab's twin cluster consists of, before anything is started: the ViciDial rows it seeds
 * (servers, carriers, campaigns, lists) and the simulated far ends (carrier SBCs) the dialers' peers point at.
 *
 * <p>The dialers themselves never read this: like real ViciDial servers they read their carriers from the
 * database and get their Asterisk configuration from the simulated keepalive.
 */
public record LabClusterSpec(
        List<Server> servers,
        List<Carrier> carriers,
        List<Campaign> campaigns,
        List<DialList> lists,
        Map<String, RemoteEndpoint> remoteEndpoints) {

    public LabClusterSpec {
        servers = List.copyOf(servers);
        carriers = List.copyOf(carriers);
        campaigns = List.copyOf(campaigns);
        lists = List.copyOf(lists);
        remoteEndpoints = Map.copyOf(remoteEndpoints);
    }

    /** A row of ViciDial's {@code servers} table for one simulated dialer. */
    public record Server(String serverId, String serverIp, String description, String asteriskVersion,
                         int maxTrunks) {
        public Server {
            Objects.requireNonNull(serverId);
            Objects.requireNonNull(serverIp);
        }
    }

    /** A row of {@code vicidial_server_carriers}, with raw account_entry / dialplan_entry text as an admin writes it. */
    public record Carrier(String carrierId, String carrierName, String description, String protocol,
                          String serverIp, boolean active, String registrationString, String globalsString,
                          String accountEntry, String dialplanEntry) {
        public Carrier {
            Objects.requireNonNull(carrierId);
            Objects.requireNonNull(serverIp);
        }
    }

    /** A row of {@code vicidial_campaigns}; {@code serverIds} are the dialers whose agents dial it. */
    public record Campaign(String campaignId, String campaignName, String dialPrefix, String manualDialPrefix,
                           int dialTimeoutSeconds, boolean active, List<String> serverIds,
                           double attemptsPerMinutePerServer) {
        public Campaign {
            serverIds = List.copyOf(serverIds);
        }
    }

    /** A row of {@code vicidial_lists}; a non-empty {@code dialPrefix} overrides the campaign's. */
    public record DialList(long listId, String listName, String campaignId, String dialPrefix, boolean active) {
    }

    /**
     * The far end of a SIP peer: a carrier SBC at {@code host}. It answers OPTIONS after a latency drawn from a
     * log-normal distribution and answers INVITEs with the given outcome mix (fractions summing to 1).
     */
    public record RemoteEndpoint(String host, String carrierLabel, double medianLatencyMs, double latencySpread,
                                 CallOutcomeMix outcomes) {
    }

    /** How a carrier's far end answers calls; fractions of attempts, summing to 1. */
    public record CallOutcomeMix(double answer, double busy, double noAnswer, double congestion503,
                                 double unavailable480, double notFound404, double serverError500,
                                 double meanRingSeconds, double meanTalkSeconds) {
        public double total() {
            return answer + busy + noAnswer + congestion503 + unavailable480 + notFound404 + serverError500;
        }
    }
}
