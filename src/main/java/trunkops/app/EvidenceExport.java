package trunkops.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import trunkops.alert.AlertCenter;
import trunkops.alert.EvidenceCall;
import trunkops.alert.EvidenceCalls;
import trunkops.alert.EvidencePack;
import trunkops.alert.Incident;
import trunkops.alert.IncidentEvent;
import trunkops.alert.IncidentTimeline;
import trunkops.control.audit.AuditEntry;
import trunkops.db.CarrierLogRepository;
import trunkops.db.Database;
import trunkops.health.BoardSnapshot;
import trunkops.health.ClusterMonitor;
import trunkops.health.LatencyHistory;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Trunk;
import trunkops.traffic.CarrierTrafficService;

/**
 * Gathers what an incident's evidence pack needs from the running session (the monitor's board timeline and latency
 * histories, the carrier statistics' alarms, the audit journal, the carrier log in the database) and writes the ZIP.
 * Blocking (JDBC, file IO, waits on the monitor thread): the Alerts tab runs it in the background.
 */
final class EvidenceExport {

    private final ClusterMonitor monitor;
    private final CarrierTrafficService traffic;
    private final Supplier<BoardSnapshot> board;
    private final Supplier<Optional<AuditWiring>> audit;
    private final Database database;
    private final String consoleName;
    /** The database's wall clock is read in this zone, as the carrier statistics do. */
    private static final ZoneId DB_ZONE = ZoneId.systemDefault();

    EvidenceExport(ClusterMonitor monitor, CarrierTrafficService traffic, Supplier<BoardSnapshot> board,
                   Supplier<Optional<AuditWiring>> audit, Database database, String consoleName) {
        this.monitor = monitor;
        this.traffic = traffic;
        this.board = board;
        this.audit = audit;
        this.database = database;
        this.consoleName = consoleName;
    }

    /** What is known about one incident, gathered from the session. */
    record Gathered(Incident incident, ClusterTopology topology, List<Trunk> trunks,
                    Map<String, LatencyHistory.Series> latency, List<IncidentEvent> timeline) {
    }

    /** The incident of {@code item} among {@code all} with its merged timeline (the Alerts tab shows it). */
    Gathered gather(AlertCenter.Item item, List<AlertCenter.Item> all) throws Exception {
        Incident incident = Incident.around(item.alert(), all.stream().map(AlertCenter.Item::alert).toList());
        ClusterTopology topology = monitor.topology();
        if (topology == null) {
            throw new IllegalStateException("the cluster's topology is not read yet: no evidence to gather");
        }
        String carrier = incident.key();
        List<Trunk> trunks = topology.trunks().stream().filter(t -> t.carrierId().equals(carrier)).toList();
        Set<String> subjects = trunks.stream().map(t -> t.key().serverId() + "/" + t.key().peer())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> peers = trunks.stream().map(t -> t.key().peer().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, LatencyHistory.Series> latency = new LinkedHashMap<>();
        for (Trunk t : trunks) {
            latency.put(t.key().serverId() + "/" + t.key().peer(), monitor.latencyHistory(t.key(),
                    incident.from().toEpochMilli(), incident.to().toEpochMilli()).get(10, TimeUnit.SECONDS));
        }
        List<AuditEntry> entries = audit.get().isPresent()
                ? audit.get().get().entriesSince(incident.from()) : List.of();
        BoardSnapshot b = board.get();
        List<IncidentEvent> timeline = IncidentTimeline.build(incident, new IncidentTimeline.Sources(subjects, peers,
                b == null ? List.of() : b.timeline(), traffic.last().alarms(), DB_ZONE, entries, latency,
                trunkops.health.HealthSettings.defaults().historySlotMs(),
                all.stream().map(AlertCenter.Item::alert).toList()));
        return new Gathered(incident, topology, trunks, latency, timeline);
    }

    /** The pack of {@code item}'s incident among {@code all}, written to {@code zip}; returns one line for the status. */
    String export(AlertCenter.Item item, List<AlertCenter.Item> all, Path zip) throws Exception {
        Gathered g = gather(item, all);
        Incident incident = g.incident();
        String carrier = incident.key();
        List<EvidenceCall> calls = g.trunks().isEmpty() ? List.of() : EvidenceCalls.load(
                new CarrierLogRepository(database), g.topology(), carrier, local(incident.from(), DB_ZONE),
                local(incident.to(), DB_ZONE));
        String name = g.topology().carrier(carrier).map(c -> c.row().carrierName()).orElse(carrier);
        EvidencePack.write(new EvidencePack.Input(incident, name, consoleName, DB_ZONE, g.timeline(), calls,
                g.latency(), Instant.now()), zip);
        return "evidence of " + incident.title(ZoneId.systemDefault()) + " written to " + zip + ": "
                + g.timeline().size() + " timeline lines, " + calls.size() + " calls";
    }

    private static LocalDateTime local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone).withNano(0);
    }
}
