package trunkops.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.JdbcUrls;
import trunkops.db.RouteRepository;
import trunkops.db.ViciDialRepository;
import trunkops.routing.TrunkHealthInput;
import trunkops.routing.WhatIf;
import trunkops.routing.WhatIfAnswer;
import trunkops.secrets.Keyring;
import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;

/**
 * {@code route what-if --jdbc <url> --db-user <u> [--db-password-env VAR] --number N --campaign C [--list L]
 * [--dialer D] [--down SIP/x ...] [--offline SIP/x ...]}: which carrier, pattern, route and trunks take the number's
 * calls now on each dialer (or the one named), and what changes with the named trunks down (unreachable) or offline
 * (the ASTDB flag). One block on stdout. Reads only: TrunkOps' tables are not created by this command.
 */
@ConsoleOutput
@Command(name = "what-if", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"Where a number's calls go now, and what happens if trunks are down or offline."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:answered (also when calls would fail: the block says so)", "1:the database failed",
                "2:bad arguments (unknown campaign, list or dialer, a number that is not digits)"})
final class RouteWhatIfCommand implements Callable<Integer> {

    @ParentCommand
    private RouteCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--jdbc", required = true, paramLabel = "<url>",
            description = "ViciDial's database, jdbc:mariadb://host:3306/asterisk.")
    private String jdbc;

    @Option(names = {"--db-user", "--user"}, required = true, paramLabel = "<user>", description = "The database user.")
    private String user;

    @Option(names = {"--db-password-env", "--password-env"}, paramLabel = "<VAR>",
            description = "The environment variable holding the password (else the OS keyring, else a prompt).")
    private String passwordEnv;

    @Option(names = "--number", required = true, paramLabel = "<digits>",
            description = "The lead's phone number without phone code, e.g. 3125550199.")
    private String number;

    @Option(names = "--campaign", required = true, paramLabel = "<id>", description = "The campaign_id.")
    private String campaign;

    @Option(names = "--list", paramLabel = "<list_id>", description = "A list of the campaign (its dial prefix wins).")
    private Long list;

    @Option(names = "--dialer", paramLabel = "<server_id|server_ip>", description = "Only this dialer.")
    private String dialer;

    @Option(names = "--down", paramLabel = "<TECH/peer>", description = "A trunk to take down (unreachable).")
    private List<String> down = new ArrayList<>();

    @Option(names = "--offline", paramLabel = "<TECH/peer>",
            description = "A trunk to force offline (the ASTDB flag TrunkOps routes read).")
    private List<String> offline = new ArrayList<>();

    @Option(names = {"--password", "--db-password"}, hidden = true, paramLabel = "<refused>")
    void refusePassword(String ignored) {
        throw new ParameterException(spec.commandLine(), "passwords are not accepted on the command line: put it"
                + " in an environment variable and pass its name with --db-password-env");
    }

    @Override
    public Integer call() {
        CliContext ctx = parent.ctx();
        JdbcUrls.refuseCredentials(jdbc, "--jdbc");
        if (!down.isEmpty() && !offline.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "ask about --down or --offline trunks, not both at once");
        }
        for (String t : concat(down, offline)) {
            if (!t.matches("(?i)(SIP|PJSIP|IAX2)/[A-Za-z0-9][A-Za-z0-9_.+-]{0,79}")) {
                throw new ParameterException(spec.commandLine(), "'" + SafeText.display(t) + "' is not a trunk:"
                        + " TECH/peer, e.g. SIP/trunk1");
            }
        }
        char[] pw = passwordEnv != null ? StatusCommand.secret(passwordEnv, ctx.env(), null, null, ctx.err()).get()
                : StatusCommand.secret(null, ctx.env(), ctx.keyring().get(),
                        new Keyring.Entry(Keyring.Kind.DB, user, jdbc), ctx.err()).get();
        try (Database db = new Database(Database.Settings.of(jdbc, user), pw)) {
            ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
            ClusterTopology topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(),
                    rows.lists());
            RouteRepository store = RouteRepository.reader(db.dataSource());
            WhatIf whatIf = new WhatIf(topology, rows.lists(), store.latest());
            WhatIf.Query q = new WhatIf.Query(number, campaign, Optional.ofNullable(list),
                    Optional.ofNullable(dialer), TrunkHealthInput.ALL_UP, offline.isEmpty() ? down : offline,
                    offline.isEmpty() ? TrunkHealthInput.State.DOWN : TrunkHealthInput.State.OFFLINE);
            WhatIfAnswer answer = whatIf.ask(q);
            if (!store.status().readable()) {
                ctx.err().println(spec.qualifiedName() + ": warning: " + SafeText.display(store.status().message()));
            }
            print(answer, q, ctx.out());
            return Cli.OK;
        } catch (DbException e) {
            ctx.err().println(spec.qualifiedName() + ": " + SafeText.display(e.getMessage()));
            return Cli.FAILED;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The block: a header line, then per dialer its dial string, carrier, route and plans, notes indented. */
    static void print(WhatIfAnswer a, WhatIf.Query q, PrintStream out) {
        out.println("number " + a.number() + " campaign " + SafeText.display(a.campaignId())
                + a.listId().map(l -> " list " + l).orElse(""));
        for (WhatIfAnswer.Dialer d : a.dialers()) {
            out.println(SafeText.display(d.serverId()) + " (" + SafeText.display(d.serverIp()) + "): dials "
                    + d.dialString() + ", prefix " + SafeText.display(d.prefix()));
            out.println("  carrier " + d.carrierId().map(SafeText::display).orElse("none") + " pattern "
                    + d.pattern().map(SafeText::display).orElse("none")
                    + d.route().map(r -> " route " + SafeText.display(r) + " (" + d.strategy().orElseThrow() + ")")
                    .orElse(" (not a TrunkOps route)"));
            out.println("  now: " + plan(d.now()));
            d.scenario().ifPresent(p -> out.println("  with " + String.join(", ", q.down()) + " "
                    + q.downAs().name().toLowerCase(java.util.Locale.ROOT) + ": " + plan(p)));
            d.notes().forEach(n -> out.println("  note: " + SafeText.display(n)));
        }
        out.flush();
    }

    private static String plan(WhatIfAnswer.Plan p) {
        if (p.fails()) {
            return SafeText.display(p.summary());
        }
        List<String> parts = p.attempts().stream().map(t -> SafeText.display(t.trunk()) + " " + t.state()
                .name().toLowerCase(java.util.Locale.ROOT) + " attempt " + t.position() + " first "
                + Math.round(t.share() * 1000) / 10.0 + "%").toList();
        return String.join("; ", parts);
    }
}
