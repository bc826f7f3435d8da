package trunkops.app;

import java.io.Console;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiTarget;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.JdbcUrls;
import trunkops.db.ViciDialRepository;
import trunkops.health.DialerWatch;
import trunkops.health.HealthSettings;
import trunkops.health.PjsipLagThresholds;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.secrets.Keyring;
import trunkops.secrets.KeyringException;
import trunkops.text.SafeText;
import trunkops.topology.AmiEndpoint;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.Tech;
import trunkops.topology.TopologyBuilder;

/**
 * {@code status --ami <host[:port]|dialer> --user <u> [--secret-env VAR] [--jdbc <url> --db-user <u>
 * --db-password-env VAR] [--pjsip-lagged-ms ms] [--pjsip-lagged carrier=ms] [--watch]}: one line per trunk, chan_sip
 * peers and PJSIP endpoints ({@code PJSIP/<endpoint>}) alike, {@code <server> <peer> <STATE> <latency-ms|-> <calls>}
 * and {@code reg=<state>} when the trunk's carrier registers on that dialer;
 * with {@code --watch} then one line per state change, {@code <ISO-8601 time> <server> <peer> <STATE>
 * <latency-ms|->}, every change the health model makes, in order, until interrupted. Same gateway and health model
 * as the board. Names from AMI or the database are printed through {@link SafeText#display} (one trunk, one line).
 * Secrets come from the environment variable named, the OS keyring or a prompt; never from the command line.
 * Exit 0 ok, 1 the dialer or database could not be read, 2 bad arguments (an unknown dialer among them).
 */
@ConsoleOutput
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"Print the state of every trunk of one dialer.",
                "One line per trunk (chan_sip peer, or PJSIP/<endpoint>): <server> <peer> <STATE> <latency-ms|->"
                + " <calls> [reg=<state>]; with --watch then '<ISO time> <server> <peer> <STATE> <latency-ms|-> [reg=<state>]'"
                + " for every state change, in order."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the dialer or the database could not be read, or the login was refused",
                "2:bad arguments (an unknown dialer among them), a missing secret"})
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CliContext ctx;

    @Option(names = "--ami", required = true, paramLabel = "<host[:port]|dialer>",
            description = "The dialer's AMI address (port 5038 when left out); with --jdbc also its server_id"
                    + " or server_ip from ViciDial's servers table.")
    private String ami;

    @Option(names = "--user", required = true, paramLabel = "<user>", description = "The AMI user (manager.conf).")
    private String user;

    @Option(names = "--secret-env", paramLabel = "<VAR>",
            description = "The environment variable holding the AMI secret (else the OS keyring, else a prompt).")
    private String secretEnv;

    @Option(names = "--jdbc", paramLabel = "<url>", description = "ViciDial's database: name servers, list only"
            + " carrier trunks (jdbc:mariadb://host:3306/asterisk).")
    private String jdbc;

    @Option(names = "--db-user", paramLabel = "<user>", description = "The database user (needed with --jdbc).")
    private String dbUser;

    @Option(names = "--db-password-env", paramLabel = "<VAR>",
            description = "The environment variable holding the database password.")
    private String dbPasswordEnv;

    @Option(names = "--watch", description = "Keep running and print every state change.")
    private boolean watch;

    @Option(names = "--pjsip-lagged-ms", paramLabel = "<ms>", defaultValue = "2000",
            description = "PJSIP trunks: the round trip above which the console calls a trunk LAGGED (res_pjsip has"
                    + " no Lagged state; default ${DEFAULT-VALUE}, chan_sip's qualify=yes).")
    private int pjsipLaggedMs;

    @Option(names = "--pjsip-lagged", paramLabel = "<carrier_id=ms>",
            description = "The same for one carrier (with --jdbc); repeatable.")
    private java.util.Map<String, Integer> pjsipLaggedByCarrier = new java.util.HashMap<>();

    @Option(names = "--timeout-seconds", paramLabel = "<s>", defaultValue = "20",
            description = "How long to wait for the dialer's first full picture (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    StatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = {"--secret", "--password", "--db-password"}, hidden = true, paramLabel = "<refused>")
    void refuseSecret(String ignored) {
        throw new ParameterException(spec.commandLine(), "refused: secrets never go on the command line"
                + " (use --secret-env / --db-password-env, or answer the prompt)");
    }

    /** Runs {@code argv} (starting with {@code status}) through the real command line, with these streams. */
    static int run(List<String> argv, PrintStream out, PrintStream err, java.util.function.UnaryOperator<String> env,
                   java.util.concurrent.CompletableFuture<Void> stop, Keyring keyring) {
        return Cli.execute(argv.toArray(String[]::new), new CliContext(out, err, env, () -> keyring, stop));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        if (jdbc != null && dbUser == null) {
            throw new ParameterException(spec.commandLine(), "--jdbc needs --db-user");
        }
        if (jdbc != null) {
            JdbcUrls.refuseCredentials(jdbc, "--jdbc"); // before any secret is looked up or asked for
        }
        AmiEndpoint endpoint = amiEndpoint(ami);
        String serverId = endpoint.host();
        ClusterTopology topology = null;
        if (jdbc != null) {
            char[] pw = secret(dbPasswordEnv, ctx.env(), ctx.keyring().get(), new Keyring.Entry(Keyring.Kind.DB,
                    dbUser, jdbc), err).get();
            try (Database db = new Database(Database.Settings.of(jdbc, dbUser), pw)) {
                ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
                topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
            } catch (DbException e) {
                err.println("trunkops status: " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
            DialerServer s = DialerChoice.resolve(topology, ami, "--ami");
            serverId = s.serverId();
            endpoint = s.ami();
        }
        String host = endpoint.host();
        int port = endpoint.port();
        Supplier<char[]> secret = secret(secretEnv, ctx.env(), ctx.keyring().get(),
                new Keyring.Entry(Keyring.Kind.AMI, user, host), err);
        String where = SafeText.display(host) + ":" + port;
        DialerWatch dialer = new DialerWatch(new AmiTarget(serverId, host, port, user), secret, topology,
                HealthSettings.defaults(), AmiGateway.Settings.defaults().withLatencyPoll(5_000));
        dialer.pjsipThresholds(thresholds());
        dialer.onProblem(m -> err.println("trunkops status: warning: " + SafeText.display(m)));
        dialer.start();
        DialerWatch.Picture picture;
        try {
            picture = dialer.firstPicture().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            dialer.close();
            err.println("trunkops status: no answer from " + where + " within " + timeoutSeconds + " s");
            return Cli.FAILED;
        }
        if (picture.link() == null || picture.link().state() != AmiLinkState.CONNECTED) {
            dialer.close();
            err.println("trunkops status: " + where + ": "
                    + (picture.link() == null ? "not connected" : SafeText.display(picture.link().message())));
            return Cli.FAILED;
        }
        List<TrunkView> trunks = picture.trunks().stream().sorted(Comparator.comparing(TrunkView::peer)
                .thenComparing(t -> t.key().tech())).toList();
        for (TrunkView t : trunks) {
            out.println(line(t));
        }
        out.flush();
        if (!watch) {
            dialer.close();
            return Cli.OK;
        }
        dialer.onChange(t -> {
            out.println(ISO.format(Instant.now().atZone(java.time.ZoneId.systemDefault())) + " " + name(t) + " "
                    + t.state().name() + " " + latency(t) + reg(t));
            out.flush();
        });
        try {
            if (java.util.concurrent.CompletableFuture.anyOf(ctx.stop(), dialer.loginRefused()).get()
                    instanceof trunkops.ami.AmiLinkStatus refusedLogin) {
                err.println("trunkops status: " + where + ": " + SafeText.display(refusedLogin.message()));
                return Cli.FAILED;
            }
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("trunkops status: " + SafeText.display(String.valueOf(e.getCause())));
        } finally {
            dialer.close();
        }
        return Cli.OK;
    }

    private PjsipLagThresholds thresholds() {
        try {
            return new PjsipLagThresholds(pjsipLaggedMs, pjsipLaggedByCarrier);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * {@code <server> <peer>}, each one word that cannot break the line or reach the terminal raw; a PJSIP trunk's
     * peer is written {@code PJSIP/<endpoint>} (a chan_sip peer and a PJSIP endpoint may share a name).
     */
    static String name(TrunkView t) {
        String peer = t.key().tech() == Tech.SIP ? t.peer() : t.key().tech().name() + "/" + t.peer();
        return SafeText.display(t.serverId()) + " " + SafeText.display(peer);
    }

    /**
     * {@code <server> <peer> <STATE> <latency-ms|-> <calls>}, then {@code reg=<state>} when the trunk's carrier
     * registers on this dialer ({@code reg=Registered}, {@code reg=Rejected} ...: a failed one is a problem even
     * while the trunk answers OPTIONS).
     */
    static String line(TrunkView t) {
        return name(t) + " " + t.state().name() + " " + latency(t) + " " + t.calls() + reg(t);
    }

    static String reg(TrunkView t) {
        return t.registration() == null ? "" : " reg=" + SafeText.display(t.registration().word());
    }

    /** {@code --ami}: host and port ({@link AmiEndpoint#DEFAULT_PORT} when left out). */
    static AmiEndpoint amiEndpoint(String ami) {
        int colon = ami.lastIndexOf(':');
        String host = colon < 0 ? ami : ami.substring(0, colon);
        try {
            return new AmiEndpoint(host, colon < 0 ? AmiEndpoint.DEFAULT_PORT
                    : Integer.parseInt(ami.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ami must be host:port, got " + SafeText.display(ami));
        }
    }

    static String latency(TrunkView t) {
        boolean measured = t.state() == TrunkState.REACHABLE || t.state() == TrunkState.LAGGED;
        return measured && t.latencyMs() >= 0 ? Integer.toString(t.latencyMs()) : "-";
    }

    /**
     * The secret from the named environment variable; else from the OS keyring (an item stored with
     * {@code keyring store}); else from a prompt. Never from the command line.
     */
    static Supplier<char[]> secret(String envVar, java.util.function.UnaryOperator<String> env, Keyring keyring,
                                   Keyring.Entry entry, PrintStream err) {
        if (envVar != null) {
            String v = env.apply(envVar);
            if (v == null) {
                throw new IllegalArgumentException("environment variable " + envVar + " is not set");
            }
            char[] c = v.toCharArray();
            return () -> c.clone();
        }
        String keyringProblem = null;
        try {
            java.util.Optional<char[]> stored = keyring.lookup(entry);
            if (stored.isPresent()) {
                char[] c = stored.get();
                return () -> c.clone();
            }
            keyringProblem = "no " + entry.label() + " secret in the OS keyring";
        } catch (KeyringException e) {
            keyringProblem = e.getMessage();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no secret for " + entry.label() + ": " + keyringProblem
                    + "; name an environment variable that holds it (--secret-env / --db-password-env), store it"
                    + " with 'keyring store " + entry.kind().word() + " " + entry.user() + " " + entry.target()
                    + "', or run in a terminal to be asked");
        }
        err.println("trunkops status: " + keyringProblem);
        char[] c = console.readPassword("%s secret: ", entry.label());
        if (c == null) {
            throw new IllegalArgumentException("no secret given");
        }
        return () -> c.clone();
    }

}
