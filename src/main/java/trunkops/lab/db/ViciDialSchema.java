package trunkops.lab.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ViciDial tables the console reads, as DDL in {@code trunkops/lab/db/vicidial-schema.sql} (real names, types,
 * defaults, engines and indexes; which wide-table columns are left out is documented there). Executed statement by
 * statement over JDBC.
 */
public final class ViciDialSchema {

    public static final String RESOURCE = "/trunkops/lab/db/vicidial-schema.sql";

    /** The tables the script creates, in creation order. */
    public static final List<String> TABLES = List.of(
            "servers", "live_channels", "call_log", "vicidial_campaigns", "vicidial_lists", "system_settings",
            "vicidial_admin_log", "vicidial_conf_templates", "vicidial_server_carriers", "vicidial_log",
            "vicidial_carrier_log",
            "vicidial_dial_log", "vicidial_peer_event_log");

    private static final Logger LOG = LoggerFactory.getLogger(ViciDialSchema.class);

    private ViciDialSchema() {
    }

    /** The script's statements, without comments and without the terminating semicolons. */
    public static List<String> statements() {
        return split(load());
    }

    /** Creates every table on the given data source. Fails if one already exists. */
    public static void create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            create(c);
        }
    }

    /** Creates every table through the given connection (its current database). */
    public static void create(Connection connection) throws SQLException {
        long t0 = System.nanoTime();
        List<String> statements = statements();
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("ViciDial schema statement failed: " + firstLine(sql) + " ... ("
                            + e.getMessage() + ")", e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        LOG.info("ViciDial schema: {} statements in {} ms", statements.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The {@link #TABLES} missing from the connection's current database (empty when the schema is installed). */
    public static List<String> missingTables(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            for (String table : TABLES) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        missing.add(table);
                    }
                }
            }
        }
        return missing;
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("unterminated statement at the end of the script: "
                    + firstLine(current.toString()));
        }
        return statements;
    }

    private static String load() {
        try (InputStream in = ViciDialSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl);
    }
}
