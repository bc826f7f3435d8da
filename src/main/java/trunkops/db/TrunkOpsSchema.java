package trunkops.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TrunkOps' own {@code trunkops_} tables in the ViciDial database, created and upgraded by Flyway from
 * {@code src/main/resources/db/trunkops} (docs/adr/0009). The history table is {@link #HISTORY_TABLE}, never Flyway's
 * default name, so nothing in ViciDial's schema can collide with it. ViciDial's database is not empty, so the first
 * run writes a baseline at version 0 and then applies V1 onwards. Never throws: a failure is returned.
 */
public final class TrunkOpsSchema {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkOpsSchema.class);

    public static final String HISTORY_TABLE = "trunkops_schema_history";
    static final String LOCATION = "classpath:db/trunkops";

    /** The outcome: {@code problem} is empty when the tables are current; {@code applied} migrations ran now. */
    public record Migration(boolean current, int applied, String version, String problem) {
    }

    private TrunkOpsSchema() {
    }

    public static Migration migrate(DataSource dataSource) {
        try {
            Flyway flyway = Flyway.configure(TrunkOpsSchema.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(LOCATION)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("ViciDial schema before TrunkOps")
                    .validateMigrationNaming(true)
                    .failOnMissingLocations(true)
                    .placeholderReplacement(false)
                    .cleanDisabled(true)
                    .load();
            MigrateResult r = flyway.migrate();
            if (r.migrationsExecuted > 0) {
                LOG.info("TrunkOps tables migrated to version {} ({} migrations)", r.targetSchemaVersion,
                        r.migrationsExecuted);
            }
            String version = r.targetSchemaVersion != null ? r.targetSchemaVersion
                    : flyway.info().current() == null ? "?" : flyway.info().current().getVersion().getVersion();
            return new Migration(true, r.migrationsExecuted, version, "");
        } catch (RuntimeException e) {
            LOG.warn("TrunkOps tables could not be created or upgraded: {}", cause(e));
            LOG.debug("migration failure", e);
            return new Migration(false, 0, "", cause(e));
        }
    }

    /** The innermost SQL message (the server's "CREATE command denied ..."), else the exception's own. */
    static String cause(Throwable e) {
        String msg = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getMessage() != null) {
                msg = s.getMessage();
            }
        }
        String m = String.valueOf(msg).replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
