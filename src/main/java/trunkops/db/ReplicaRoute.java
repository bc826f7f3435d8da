package trunkops.db;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether carrier statistics read ViciDial's read replica, and where it is. ViciDial names the replica in
 * {@code system_settings.slave_db_server} ({@code host} or {@code host:port}; without a port the primary's port is
 * used, as dbconnect_mysqli.php does) and lets a report use it only when {@code reports_use_slave_db} lists the
 * report's name. Same database name and credentials as the primary (ViciDial has no others for the replica).
 */
public final class ReplicaRoute {

    /** The operator's choice. */
    public enum Mode {
        /** ViciDial's rule for its Carrier Log Report (slave_db_server set and the report listed). */
        AUTO,
        /** Always the replica when slave_db_server is set. */
        PREFER,
        /** Never the replica. */
        OFF;

        public static Mode parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("replica mode must be auto, prefer or off, not '" + s + "'");
            }
        }
    }

    /** What slave_db_server may hold: a host name, IPv4 or [IPv6] address, an optional port; nothing else. */
    private static final Pattern HOST_PORT = Pattern.compile(
            "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$");
    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mariadb|mysql)://)([^/?#]+)(.*)$");

    private ReplicaRoute() {
    }

    /** The replica's connection settings, or empty when the primary is to be read. */
    public static Optional<Database.Settings> replicaOf(Database.Settings primary, CarrierLogSchema schema, Mode mode) {
        String slave = schema.slaveDbServer();
        boolean use = switch (mode) {
            case OFF -> false;
            case PREFER -> slave.length() > 0;
            case AUTO -> schema.vicidialSendsReportToReplica();
        };
        if (!use) {
            return Optional.empty();
        }
        if (!HOST_PORT.matcher(slave).matches()) {
            throw new IllegalArgumentException("system_settings.slave_db_server '" + slave
                    + "' is not host[:port]");
        }
        Matcher m = URL.matcher(primary.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot place the replica " + slave + " into the JDBC URL "
                    + primary.jdbcUrl() + " (expected jdbc:mariadb://host[:port]/database)");
        }
        String hostPort = m.group(2);
        int colon = hostPort.lastIndexOf(':');
        String primaryPort = colon > 0 && hostPort.indexOf(']') < colon ? hostPort.substring(colon) : "";
        boolean hasPort = slave.startsWith("[") ? slave.contains("]:") : slave.contains(":");
        String replica = hasPort ? slave : slave + primaryPort;
        return Optional.of(new Database.Settings(m.group(1) + replica + m.group(3), primary.user(),
                primary.connectTimeoutMs(), primary.socketTimeoutMs(), primary.poolSize(), primary.probeIntervalMs()));
    }
}
