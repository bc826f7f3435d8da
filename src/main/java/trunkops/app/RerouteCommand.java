package trunkops.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import trunkops.control.ControlVerb;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.TrunkOpsSchema;
import trunkops.db.ViciDialLevers;
import trunkops.db.ViciDialLevers.Kind;
import trunkops.db.ViciDialRepository;
import trunkops.db.ViciDialRepository.TopologyRows;
import trunkops.text.SafeText;
import trunkops.topology.Tech;

/**
 * {@code reroute campaign|list <id> --prefix P --reason ..} and {@code reroute restore campaign|list <id> --reason ..}:
 * ViciDial's fastest lever for a carrier not under a TrunkOps route. Prints the routes affected (campaign, list,
 * dialer: the carrier before and after), then changes {@code dial_prefix} (the dialer re-reads it within ~2.5 s, no
 * reload), with a vicidial_admin_log row; the old prefix is remembered for {@code restore}.
 */
@Command(name = "reroute", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reroute a campaign or list to another carrier by its dial prefix (takes effect in ~2.5 s, no"
                + " reload; the old prefix is remembered), or restore the prefix a reroute replaced.",
                "Usage: reroute campaign|list <id> --prefix <digits> --reason ..; reroute restore campaign|list <id>"
                        + " --reason .."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:changed (and logged in vicidial_admin_log)",
                "1:not changed: someone else changed it meanwhile, nothing to restore, or the database failed",
                "2:bad arguments (unknown campaign or list, prefix not digits, no reason ...)"})
@ConsoleOutput
final class RerouteCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(arity = "2..3", paramLabel = "<words>", description = "campaign|list <id>, or restore campaign|list"
            + " <id>")
    private List<String> words = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "<digits>", description = "The new dial prefix (another carrier's).")
    private String prefix;

    @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why (journal, admin log).")
    private String reason;

    @Option(names = "--ticket", paramLabel = "<id>", description = "The ticket this change belongs to.")
    private String ticket;

    @Option(names = "--vici-user", paramLabel = "<user>", description = "The user vicidial_admin_log names (default:"
            + " the OS user).")
    private String viciUser;

    @Mixin
    private DbOptions db;

    @Mixin
    private CommonOptions common;

    RerouteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean restore = words.get(0).equalsIgnoreCase("restore");
        if (restore != (words.size() == 3)) {
            throw new IllegalArgumentException("usage: reroute campaign|list <id> --prefix P, or reroute restore"
                    + " campaign|list <id>");
        }
        Kind kind = kind(words.get(restore ? 1 : 0));
        String id = words.get(restore ? 2 : 1);
        LeverRun.checkReason(reason, ticket);
        if (restore && prefix != null) {
            throw new IllegalArgumentException("restore takes no --prefix (it puts back the remembered one)");
        }
        if (!restore && (prefix == null || !ViciDialLevers.PREFIX.matcher(prefix).matches())) {
            throw new IllegalArgumentException("--prefix is required: 1-20 digits (the other carrier's dial prefix)");
        }
        String name = "trunkops reroute";
        if (LeverRun.refused(ctx, db.jdbc, trunkops.control.audit.RolePolicy.Action.REROUTE, name)) {
            return Cli.FAILED; // before the database is opened: nothing read, nothing changed
        }
        try (Database d = db.open(ctx)) {
            TopologyRows rows;
            try {
                rows = new ViciDialRepository(d).topologyRows();
            } catch (DbException e) {
                ctx.err().println(name + ": " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
            String before = current(rows, kind, id);
            String what = kind.name().toLowerCase(Locale.ROOT) + " " + id;
            if (!restore) {
                List<LeverImpact.Change> changes = kind == Kind.CAMPAIGN ? LeverImpact.campaignPrefix(rows, id, prefix)
                        : LeverImpact.listPrefix(rows, Long.parseLong(id), prefix);
                ctx.out().println(SafeText.display(what) + ": dial_prefix '" + SafeText.display(before) + "' -> '"
                        + prefix + "'; takes effect in ~2.5 s (the dialer re-reads it), no reload");
                changes.forEach(c -> ctx.out().println("  " + SafeText.display(c.line())));
                changes.stream().filter(LeverImpact.Change::lost).forEach(c -> ctx.err().println(name
                        + ": warning: " + SafeText.display(c.key()) + " has no route with prefix " + prefix));
            }
            TrunkOpsSchema.Migration m = TrunkOpsSchema.migrate(d.dataSource());
            if (!m.current()) {
                ctx.err().println(name + ": warning: TrunkOps' tables could not be checked (" + SafeText.display(
                        m.problem()) + "); the old prefix may not be remembered");
            }
            ViciDialLevers levers = new ViciDialLevers(d.dataSource(), java.time.Clock.systemDefaultZone());
            return LeverRun.run(ctx, db.jdbc, name, restore ? ControlVerb.REROUTE_RESTORE : ControlVerb.REROUTE, Tech.SIP,
                    kind.name(), id, "dial_prefix " + before, reason, ticket, LeverRun.viciActor(viciUser), levers,
                    (l, who) -> restore ? l.restore(kind, id, who, reason, ticket)
                            : l.reroute(kind, id, prefix, who, reason, ticket));
        }
    }

    private static Kind kind(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "campaign" -> Kind.CAMPAIGN;
            case "list" -> Kind.LIST;
            default -> throw new IllegalArgumentException("'" + word + "': reroute a campaign or a list");
        };
    }

    /** The record's prefix now; an unknown id is a bad argument naming what exists. */
    private static String current(TopologyRows rows, Kind kind, String id) {
        if (kind == Kind.CAMPAIGN) {
            return rows.campaigns().stream().filter(c -> c.campaignId().equals(id)).findFirst()
                    .map(c -> c.dialPrefix()).orElseThrow(() -> new IllegalArgumentException("unknown campaign '"
                            + id + "' (campaigns: " + String.join(", ", rows.campaigns().stream()
                            .map(c -> c.campaignId()).toList()) + ")"));
        }
        Optional<Long> n = id.matches("[0-9]{1,14}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
        return rows.lists().stream().filter(l -> n.isPresent() && l.listId() == n.get()).findFirst()
                .map(l -> l.dialPrefix()).orElseThrow(() -> new IllegalArgumentException("unknown list '" + id
                        + "' (lists: " + String.join(", ", rows.lists().stream()
                        .map(l -> Long.toString(l.listId())).toList()) + ")"));
    }
}
