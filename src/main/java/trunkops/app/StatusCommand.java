package trunkops.app;

import java.io.Console;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiTarget;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.ViciDialRepository;
import trunkops.health.DialerWatch;
import trunkops.health.HealthSettings;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.secrets.Keyring;
import trunkops.secrets.KeyringException;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.TopologyBuilder;

/**
 * {@code status --ami <host:port> --user <u> [--secret-env VAR] [--jdbc <url> --db-user <u> --db-password-env VAR]
 * [--watch]}: one line per trunk, {@code <server> <peer> <STATE> <latency-ms|-> <calls>}; with {@code --watch}
 * then one line per state change, {@code <ISO-8601 time> <server> <peer> <STATE> <latency-ms|->}, until
 * interrupted. Same gateway and health model as the board. Secrets come from the environment variable named, or
 * a prompt; never from the command line. Exit 0 ok, 1 the dialer or database could not be read, 2 bad arguments.
 */
@ConsoleOutput
final class StatusCommand {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Parsed arguments. */
    record Args(String host, int port, String user, String secretEnv, String jdbc, String dbUser, String dbPasswordEnv,
                boolean watch, int timeoutSeconds) {

        static Args parse(List<String> a) {
            String ami = null;
            String user = null;
            String secretEnv = null;
            String jdbc = null;
            String dbUser = null;
            String dbPwEnv = null;
            boolean watch = false;
            int timeout = 20;
            for (int i = 1; i < a.size(); i++) {
                String k = a.get(i);
                switch (k) {
                    case "--ami" -> ami = value(a, ++i, k);
                    case "--user" -> user = value(a, ++i, k);
                    case "--secret-env" -> secretEnv = value(a, ++i, k);
                    case "--jdbc" -> jdbc = value(a, ++i, k);
                    case "--db-user" -> dbUser = value(a, ++i, k);
                    case "--db-password-env" -> dbPwEnv = value(a, ++i, k);
                    case "--watch" -> watch = true;
                    case "--timeout-seconds" -> timeout = Integer.parseInt(value(a, ++i, k));
                    case "--secret", "--password", "--db-password" -> throw new IllegalArgumentException(k
                            + " is not accepted: secrets never go on the command line (use --secret-env /"
                            + " --db-password-env, or answer the prompt)");
                    default -> throw new IllegalArgumentException("unknown option " + k + "; usage: " + USAGE);
                }
            }
            if (ami == null || user == null) {
                throw new IllegalArgumentException("--ami and --user are required; usage: " + USAGE);
            }
            if (jdbc != null && dbUser == null) {
                throw new IllegalArgumentException("--jdbc needs --db-user");
            }
            int colon = ami.lastIndexOf(':');
            String host = colon < 0 ? ami : ami.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 5038 : Integer.parseInt(ami.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ami must be host:port, got " + ami);
            }
            return new Args(host, port, user, secretEnv, jdbc, dbUser, dbPwEnv, watch, timeout);
        }

        private static String value(List<String> a, int i, String k) {
            if (i >= a.size()) {
                throw new IllegalArgumentException(k + " needs a value");
            }
            return a.get(i);
        }
    }

    static final String USAGE = "status --ami <host:port> --user <u> [--secret-env VAR] [--jdbc <url> --db-user <u>"
            + " --db-password-env VAR] [--watch]";

    private StatusCommand() {
    }

    static int run(List<String> argv) throws InterruptedException {
        java.util.concurrent.CompletableFuture<Void> stop = new java.util.concurrent.CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "status-shutdown"));
        return run(argv, System.out, System.err, System::getenv, stop, Keyring.system());
    }

    /** Testable form: output streams, environment and a stop signal for {@code --watch} are passed in. */
    static int run(List<String> argv, PrintStream out, PrintStream err, java.util.function.UnaryOperator<String> env,
                   java.util.concurrent.CompletableFuture<Void> stop, Keyring keyring) throws InterruptedException {
        Args a = Args.parse(argv);
        Supplier<char[]> secret = secret(a.secretEnv(), env, keyring,
                new Keyring.Entry(Keyring.Kind.AMI, a.user(), a.host()), err);
        String serverId = a.host();
        ClusterTopology topology = null;
        if (a.jdbc() != null) {
            char[] pw = secret(a.dbPasswordEnv(), env, keyring, new Keyring.Entry(Keyring.Kind.DB, a.dbUser(),
                    a.jdbc()), err).get();
            try (Database db = new Database(Database.Settings.of(a.jdbc(), a.dbUser()), pw)) {
                ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
                topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
            } catch (DbException e) {
                err.println("trunkops status: " + e.getMessage());
                return 1;
            }
            DialerServer s = topology.servers().stream().filter(d -> d.ami().host().equals(a.host())
                    && d.ami().port() == a.port()).findFirst().orElse(null);
            if (s == null) {
                err.println("trunkops status: no server in the servers table has AMI address " + a.host() + ":"
                        + a.port() + " (known: " + topology.servers().stream().map(d -> d.serverId() + "="
                        + d.ami()).toList() + ")");
                return 1;
            }
            serverId = s.serverId();
        }
        DialerWatch watch = new DialerWatch(new AmiTarget(serverId, a.host(), a.port(), a.user()), secret, topology,
                HealthSettings.defaults(), AmiGateway.Settings.defaults().withLatencyPoll(5_000));
        watch.onProblem(m -> err.println("trunkops status: warning: " + trunkops.text.SafeText.display(m)));
        watch.start();
        DialerWatch.Picture picture;
        try {
            picture = watch.firstPicture().get(a.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            watch.close();
            err.println("trunkops status: no answer from " + a.host() + ":" + a.port() + " within "
                    + a.timeoutSeconds() + " s");
            return 1;
        }
        if (picture.link() == null || picture.link().state() != AmiLinkState.CONNECTED) {
            watch.close();
            err.println("trunkops status: " + a.host() + ":" + a.port() + ": "
                    + (picture.link() == null ? "not connected" : picture.link().message()));
            return 1;
        }
        List<TrunkView> trunks = picture.trunks().stream().sorted(Comparator.comparing(TrunkView::peer)).toList();
        for (TrunkView t : trunks) {
            out.println(t.serverId() + " " + t.peer() + " " + t.state().name() + " " + latency(t) + " " + t.calls());
        }
        out.flush();
        if (!a.watch()) {
            watch.close();
            return 0;
        }
        watch.onChange(t -> {
            out.println(ISO.format(Instant.now().atZone(java.time.ZoneId.systemDefault())) + " " + t.serverId() + " "
                    + t.peer() + " " + t.state().name() + " " + latency(t));
            out.flush();
        });
        try {
            if (java.util.concurrent.CompletableFuture.anyOf(stop, watch.loginRefused()).get()
                    instanceof trunkops.ami.AmiLinkStatus refusedLogin) {
                err.println("trunkops status: " + a.host() + ":" + a.port() + ": "
                        + trunkops.text.SafeText.display(refusedLogin.message()));
                return 1;
            }
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("trunkops status: " + e.getCause());
        } finally {
            watch.close();
        }
        return 0;
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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
