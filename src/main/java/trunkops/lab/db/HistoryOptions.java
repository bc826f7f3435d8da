package trunkops.lab.db;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabClusterSpec.CallOutcomeMix;

/**
 * What history {@link CallHistoryGenerator} makes.
 *
 * @param now               the end of the history (exclusive); calls still up at {@code now} are left out, as they have
 *                          no carrier-log row yet
 * @param span              how far back it starts (24 h)
 * @param seed              same spec + options + seed = the same history, call for call
 * @param zone              the dialers' local time zone: DATETIME columns are written in it (ViciDial writes local
 *                          time), and the day curve is read in it
 * @param farEndIncidents   windows in which a far end answers with another outcome mix
 * @param farEndOutages     windows in which a far end answers nothing at all (qualify then marks its peers UNREACHABLE)
 * @param lagBlipsPerPeer   at most this many short LAGGED spells per qualified peer and dialer (0..n drawn per peer)
 * @param peerEventData     the shape of vicidial_peer_event_log.data
 */
public record HistoryOptions(Instant now, Duration span, long seed, ZoneId zone, List<FarEndIncident> farEndIncidents,
                             List<FarEndOutage> farEndOutages, int lagBlipsPerPeer, PeerEventData peerEventData) {

    /** A far end answering INVITEs with {@code mix} between {@code start} and {@code end}. OPTIONS still answered. */
    public record FarEndIncident(String host, Instant start, Instant end, CallOutcomeMix mix) {
    }

    /** A far end silent between {@code start} and {@code end}: no replies to INVITE or OPTIONS. */
    public record FarEndOutage(String host, Instant start, Instant end) {
    }

    /**
     * {@code STOCK}: what a stock Asterisk 20 sends (fixtures/ami/04-*): PeerStatus carries no Time for Reachable and
     * Lagged ({@code data='|'}) and {@code Time: -1} for Unreachable ({@code data='|Time=-1|'}).
     * {@code WITH_PING_TIMES}: {@code |PingTime=<ms>|Time=<ms>|MaxPing=<maxms>|}, the full shape the listener writes
     * when an event carries those fields (as ViciDial's patched Asterisk builds are understood to do; not verified
     * here).
     */
    public enum PeerEventData { STOCK, WITH_PING_TIMES }

    public HistoryOptions {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(peerEventData, "peerEventData");
        farEndIncidents = List.copyOf(farEndIncidents);
        farEndOutages = List.copyOf(farEndOutages);
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive");
        }
    }

    /** 24 h ending at {@code now}, with no incidents. */
    public static HistoryOptions quiet(Instant now, long seed, ZoneId zone) {
        return new HistoryOptions(now, Duration.ofHours(24), seed, zone, List.of(), List.of(), 2, PeerEventData.STOCK);
    }

    /**
     * 24 h ending at {@code now} with the lab's story: the far end of carrier BLUELINE's first peer answers 85 % of
     * INVITEs with 503 for 40 minutes centred 5 h before {@code now} when that is in the dialing day (else at 17:00
     * the day before, see {@link #incidentCentre}), and the far end of peer {@code orbit-east} is
     * silent for 7 minutes starting 9 h before {@code now} (one UNREACHABLE/REACHABLE flap on the dialers that have
     * it). Incidents whose carrier or peer the spec lacks are left out.
     */
    public static HistoryOptions withDefaultIncidents(LabClusterSpec spec, Instant now, long seed, ZoneId zone) {
        List<FarEndIncident> incidents = new ArrayList<>();
        Instant centre = incidentCentre(now, zone);
        firstPeerHost(spec, "BLUELINE").ifPresent(host -> incidents.add(new FarEndIncident(host,
                centre.minus(Duration.ofMinutes(20)), centre.plus(Duration.ofMinutes(20)),
                new CallOutcomeMix(0.06, 0.02, 0.07, 0.85, 0, 0, 0, 10, 90))));
        List<FarEndOutage> outages = new ArrayList<>();
        peerHost(spec, "orbit-east").ifPresent(host -> outages.add(new FarEndOutage(host,
                now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(9)).plus(Duration.ofMinutes(7)))));
        return new HistoryOptions(now, Duration.ofHours(24), seed, zone, incidents, outages, 2, PeerEventData.STOCK);
    }

    /**
     * Where the BlueLine incident is centred: 5 h before {@code now} when that falls in the dialing day (its 40
     * minutes between 08:30 and 19:50 local, where {@link DayCurve} is at 70 % of peak or more), else 17:00 local
     * the day before {@code now}'s local date (7 h 30 min to 20 h 50 min before {@code now} in that case). At night
     * a campaign dials 2 % of its peak, too few calls for the quality alarms to judge, so an incident placed 5 h back
     * whatever the hour vanished from the story when the lab started in the small hours.
     */
    static Instant incidentCentre(Instant now, ZoneId zone) {
        Instant fiveHours = now.minus(Duration.ofHours(5));
        java.time.LocalTime local = java.time.LocalTime.ofInstant(fiveHours, zone);
        if (!local.isBefore(java.time.LocalTime.of(8, 50)) && !local.isAfter(java.time.LocalTime.of(19, 30))) {
            return fiveHours;
        }
        java.time.LocalDate day = java.time.LocalDate.ofInstant(now, zone).minusDays(1);
        return day.atTime(17, 0).atZone(zone).toInstant();
    }

    public HistoryOptions withPeerEventData(PeerEventData data) {
        return new HistoryOptions(now, span, seed, zone, farEndIncidents, farEndOutages, lagBlipsPerPeer, data);
    }

    public Instant start() {
        return now.minus(span);
    }

    static Optional<String> firstPeerHost(LabClusterSpec spec, String carrierId) {
        return spec.carriers().stream().filter(c -> c.carrierId().equals(carrierId)).findFirst()
                .flatMap(c -> CarrierDialplan.parse(c.carrierId(), c.globalsString(), c.accountEntry(), "",
                        c.dialplanEntry()).peers().values().stream().findFirst())
                .map(CarrierDialplan.Peer::host);
    }

    static Optional<String> peerHost(LabClusterSpec spec, String peerName) {
        return spec.carriers().stream()
                .map(c -> CarrierDialplan.parse(c.carrierId(), c.globalsString(), c.accountEntry(), "",
                        c.dialplanEntry()).peers().get(peerName))
                .filter(Objects::nonNull).findFirst().map(CarrierDialplan.Peer::host);
    }
}
