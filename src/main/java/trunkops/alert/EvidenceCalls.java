package trunkops.alert;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import trunkops.db.CarrierLogRepository;
import trunkops.db.CarrierLogRow;
import trunkops.db.CarrierLogSchema;
import trunkops.db.DbException;
import trunkops.topology.ClusterTopology;
import trunkops.traffic.Attribution;
import trunkops.traffic.CarrierAttributor;

/**
 * Reads the calls of one carrier in a window for the evidence pack: every {@code vicidial_carrier_log} row of the
 * window with its caller code (looked up by primary key in batches), attributed to carriers the way the carrier
 * statistics do ({@link CarrierAttributor}), the carrier's kept. Blocking JDBC: never on the FX thread.
 */
public final class EvidenceCalls {

    /** An incident's window is read whole; longer windows are refused (a pack is about an incident, not a month). */
    public static final java.time.Duration MAX_WINDOW = java.time.Duration.ofHours(12);

    private EvidenceCalls() {
    }

    /** The carrier's calls with {@code from <= call_date < to} (database wall clock), oldest first. */
    public static List<EvidenceCall> load(CarrierLogRepository repository, ClusterTopology topology, String carrierId,
                                          LocalDateTime from, LocalDateTime to) throws DbException {
        if (java.time.Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("an evidence pack covers at most " + MAX_WINDOW.toHours() + " h");
        }
        CarrierAttributor attributor = new CarrierAttributor(topology);
        CarrierLogSchema schema = repository.schema();
        List<EvidenceCall> out = new ArrayList<>();
        repository.scan(schema, from, to, Long.MIN_VALUE, r -> true, r -> true, attributor::needsDialLog, row -> {
            Attribution a = attributor.attribute(row);
            if (a.attributed() && a.carrierId().equals(carrierId)) {
                out.add(call(row));
            }
        });
        out.sort(java.util.Comparator.comparing(EvidenceCall::callDate).thenComparing(c -> String.valueOf(
                c.uniqueid())));
        return out;
    }

    private static EvidenceCall call(CarrierLogRow r) {
        LocalDateTime at = LocalDateTime.ofEpochSecond(r.callDateSecond(), 0, ZoneOffset.UTC);
        String code = r.details() == null || r.details().callerCode() == null ? "" : r.details().callerCode();
        return new EvidenceCall(at, r.serverIp(), r.uniqueid() == null ? "" : r.uniqueid(), code,
                r.dialstatus() == null ? "NULL" : r.dialstatus(), r.hangupCause(), r.sipCode(),
                r.sipReason() == null ? "" : r.sipReason());
    }
}
