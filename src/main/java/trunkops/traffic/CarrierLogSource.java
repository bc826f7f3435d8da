package trunkops.traffic;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.db.CarrierLogRepository;
import trunkops.db.CarrierLogSchema;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.ReplicaRoute;
import trunkops.db.ViciDialRepository;
import trunkops.secrets.SessionSecret;

/**
 * Where carrier statistics are read: the cluster's database, or ViciDial's read replica when
 * {@code system_settings} names one and the {@link ReplicaRoute.Mode} allows it. The reader has a pool of its own
 * ({@link CarrierLogRepository#readerSettings}). A replica that cannot be reached is not used: the primary is read
 * and {@link #note()} says why, so nothing silently changes where the load goes.
 */
public final class CarrierLogSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierLogSource.class);

    private final Database primary;
    private final Database replica;
    private final CarrierLogSchema schema;
    private final String note;
    private final ReplicaRoute.Mode mode;
    private boolean replicaMissed;

    private CarrierLogSource(Database primary, Database replica, CarrierLogSchema schema, String note,
                             ReplicaRoute.Mode mode) {
        this.primary = primary;
        this.replica = replica;
        this.schema = schema;
        this.note = note;
        this.mode = mode;
    }

    /** Whether a replica should have been read but did not answer, so the primary is read instead. */
    public boolean replicaMissed() {
        return replicaMissed;
    }

    /**
     * For a source that fell back to the primary: whether the replica system_settings names now (read again from
     * the primary) answers. Connects and checks its schema, then closes; the caller reopens the source to move
     * the reads there. False when this source is not a fallback.
     */
    public boolean replicaAnswersNow(Supplier<char[]> password) {
        if (!replicaMissed) {
            return false;
        }
        try {
            CarrierLogSchema now = new CarrierLogRepository(primary).schema();
            Optional<Database.Settings> r = ReplicaRoute.replicaOf(primary.settings(), now, mode);
            if (r.isEmpty()) {
                return false;
            }
            try (Database probe = new Database(r.get(), replicaSecret(password))) {
                new CarrierLogRepository(probe).schema();
                return true;
            }
        } catch (DbException | IllegalArgumentException e) {
            LOG.debug("replica still not usable: {}", e.getMessage());
            return false;
        }
    }

    /** Connects, detects the schema and picks primary or replica. The password supplier is asked once per pool. */
    public static CarrierLogSource open(Database.Settings settings, Supplier<char[]> password, ReplicaRoute.Mode mode)
            throws DbException {
        return open(settings, password, mode, false);
    }

    /**
     * As {@link #open(Database.Settings, Supplier, ReplicaRoute.Mode)}; {@code avoidReplica} after reads on the
     * replica failed: the primary is read, marked as a fallback ({@link #replicaMissed()}), until the replica is
     * found answering again.
     */
    public static CarrierLogSource open(Database.Settings settings, Supplier<char[]> password, ReplicaRoute.Mode mode,
                                        boolean avoidReplica) throws DbException {
        Database primary = new Database(CarrierLogRepository.readerSettings(settings), SessionSecret.of(password));
        try {
            CarrierLogSchema schema = new CarrierLogRepository(primary).schema();
            Optional<Database.Settings> replicaSettings;
            try {
                replicaSettings = ReplicaRoute.replicaOf(primary.settings(), schema, mode);
            } catch (IllegalArgumentException e) {
                LOG.warn("replica not used: {}", e.getMessage());
                return new CarrierLogSource(primary, null, schema, "replica not used: " + e.getMessage(), mode);
            }
            if (replicaSettings.isEmpty()) {
                String why = schema.slaveDbServer().isEmpty() ? "" : mode == ReplicaRoute.Mode.OFF
                        ? "replica " + schema.slaveDbServer() + " not used (replica mode off)"
                        : "replica " + schema.slaveDbServer() + " not used: system_settings.reports_use_slave_db does"
                        + " not list '" + CarrierLogSchema.VICIDIAL_REPORT_NAME + "' (use replica mode prefer)";
                return new CarrierLogSource(primary, null, schema, why, mode);
            }
            if (avoidReplica) {
                CarrierLogSource fallback = new CarrierLogSource(primary, null, schema, "replica "
                        + schema.slaveDbServer() + " failed, reading the primary until it answers again", mode);
                fallback.replicaMissed = true;
                return fallback;
            }
            Database replica = new Database(replicaSettings.get(), replicaSecret(password));
            try {
                CarrierLogSchema onReplica = new CarrierLogRepository(replica).schema();
                LOG.info("carrier statistics read from the replica {}", replica.describeUrl());
                return new CarrierLogSource(primary, replica, onReplica, "reading the replica "
                        + schema.slaveDbServer() + " (system_settings.slave_db_server)", mode);
            } catch (DbException e) {
                replica.close();
                LOG.warn("replica {} unusable, reading the primary: {}", schema.slaveDbServer(), e.getMessage());
                boolean refused = e.authFailure();
                CarrierLogSource fallback = new CarrierLogSource(primary, null, schema, "replica "
                        + schema.slaveDbServer() + (refused ? " refused the password (not tried again)"
                        : " unreachable") + ", reading the primary: " + e.getMessage(), mode);
                // a refused password is not retried every 10 minutes: that is how accounts get locked
                fallback.replicaMissed = !refused;
                return fallback;
            }
        } catch (DbException | RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    /**
     * The replica is another server: its refusal of the password must not mark the primary's (shared) secret as
     * refused, so it gets a copy that is used for this one pool and never asked for again.
     */
    private static SessionSecret replicaSecret(Supplier<char[]> password) {
        char[] pw = password.get();
        try {
            return SessionSecret.fixed(pw);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    /** The repository carrier-log reads go to. */
    public CarrierLogRepository carrierLog() {
        return new CarrierLogRepository(replica != null ? replica : primary);
    }

    /** Topology rows are read where the carrier log is read (same snapshot of the cluster). */
    public ViciDialRepository topology() {
        return new ViciDialRepository(replica != null ? replica : primary);
    }

    public CarrierLogSchema schema() {
        return schema;
    }

    public boolean onReplica() {
        return replica != null;
    }

    /** Which database is read and why ("" for the primary when no replica is configured). */
    public String note() {
        return note;
    }

    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
        primary.close();
    }
}
