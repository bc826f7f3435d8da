package trunkops.app;

import picocli.CommandLine.Option;

import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.JdbcUrls;
import trunkops.db.ViciDialRepository;
import trunkops.secrets.Keyring;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;

/**
 * The database options of the commands that work on ViciDial's database only ({@code maintenance},
 * {@code reroute}, {@code carrier}): {@code --jdbc}, {@code --db-user}, {@code --db-password-env}.
 */
final class DbOptions {

    @Option(names = "--jdbc", required = true, paramLabel = "<url>", description = "ViciDial's database.")
    String jdbc;

    @Option(names = "--db-user", required = true, paramLabel = "<user>", description = "The database user.")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "<VAR>",
            description = "The environment variable holding the database password (else the OS keyring, else a"
                    + " prompt).")
    String dbPasswordEnv;

    /** Opens the database (the caller closes it); the password from the environment, keyring or a prompt. */
    Database open(CliContext ctx) {
        JdbcUrls.refuseCredentials(jdbc, "--jdbc");
        char[] pw = StatusCommand.secret(dbPasswordEnv, ctx.env(), ctx.keyring().get(),
                new Keyring.Entry(Keyring.Kind.DB, dbUser, jdbc), ctx.err()).get();
        return new Database(Database.Settings.of(jdbc, dbUser), pw);
    }

    /** The cluster as ViciDial's rows make it now. */
    static ClusterTopology topology(Database db) throws DbException {
        ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
        return TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
    }
}
