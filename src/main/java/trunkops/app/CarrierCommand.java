package trunkops.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import trunkops.control.ControlVerb;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.ViciDialLevers;
import trunkops.db.ViciDialRepository;
import trunkops.db.ViciDialRepository.TopologyRows;
import trunkops.text.SafeText;
import trunkops.topology.CarrierRow;
import trunkops.topology.Tech;

/**
 * {@code carrier inactive|active <carrier_id> --reason .. [--confirm <carrier_id>]}: ViciDial's own switch, with its
 * real cost. Inactive lists the campaign routes whose calls go out on the carrier, where each goes after, and those
 * left without a route; it warns about the ~60 s rebuild and the vanishing patterns, and is refused unless
 * {@code --confirm} names the carrier.
 */
@Command(name = "carrier", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Set a ViciDial carrier inactive (active='N' + rebuild_conf_files: up to ~60 s, its dial"
                + " patterns vanish) or active again. Inactive needs --confirm <carrier_id>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:changed and its servers flagged for a rebuild",
                "1:not changed (already so, changed meanwhile, or the database failed)",
                "2:bad arguments (unknown carrier, no reason, inactive without --confirm naming the carrier)"})
@ConsoleOutput
final class CarrierCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "inactive|active", description = "What to make the carrier.")
    private String state;

    @Parameters(index = "1", paramLabel = "<carrier_id>", description = "vicidial_server_carriers.carrier_id")
    private String carrierId;

    @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why (journal, admin log).")
    private String reason;

    @Option(names = "--ticket", paramLabel = "<id>", description = "The ticket this change belongs to.")
    private String ticket;

    @Option(names = "--confirm", paramLabel = "<carrier_id>", description = "inactive: the carrier's id again.")
    private String confirm;

    @Option(names = "--vici-user", paramLabel = "<user>", description = "The user vicidial_admin_log names (default:"
            + " the OS user).")
    private String viciUser;

    @Mixin
    private DbOptions db;

    @Mixin
    private CommonOptions common;

    CarrierCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean active = switch (state.toLowerCase(Locale.ROOT)) {
            case "active" -> true;
            case "inactive" -> false;
            default -> throw new IllegalArgumentException("'" + state + "': carrier inactive|active <carrier_id>");
        };
        LeverRun.checkReason(reason, ticket);
        String name = "trunkops carrier";
        if (LeverRun.refused(ctx, db.jdbc, trunkops.control.audit.RolePolicy.Action.CARRIER_ACTIVE, name)) {
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
            CarrierRow row = rows.carriers().stream().filter(c -> c.carrierId().equalsIgnoreCase(carrierId))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown carrier '" + carrierId
                            + "' (carriers: " + String.join(", ", rows.carriers().stream().map(CarrierRow::carrierId)
                            .toList()) + ")"));
            String id = row.carrierId();
            List<LeverImpact.Change> changes = LeverImpact.carrier(rows, id, active);
            ctx.out().println("carrier " + SafeText.display(id) + " active '" + (row.active() ? "Y" : "N") + "' -> '"
                    + (active ? "Y" : "N") + "' on " + (row.appliesToAllServers() ? "every dialer" : row.serverIp())
                    + "; ViciDial's keepalive rebuilds and reloads at its next run (up to ~60 s)");
            changes.forEach(c -> ctx.out().println("  " + SafeText.display(c.line())));
            if (!active) {
                List<String> lost = changes.stream().filter(LeverImpact.Change::lost).map(LeverImpact.Change::key)
                        .toList();
                ctx.err().println(name + ": warning: the carrier's dial patterns vanish from the dialplan; calls on"
                        + " them fail unless another carrier serves the prefix");
                ctx.err().println(name + ": warning: left without a route: " + (lost.isEmpty() ? "none"
                        : SafeText.display(String.join(", ", lost))));
                if (!id.equals(confirm)) {
                    ctx.err().println(name + ": refused: setting carrier " + SafeText.display(id) + " inactive needs"
                            + " --confirm " + SafeText.display(id) + (confirm == null ? "" : " (got '"
                            + SafeText.display(confirm) + "')"));
                    return Cli.USAGE;
                }
            }
            ViciDialLevers levers = new ViciDialLevers(d.dataSource(), java.time.Clock.systemDefaultZone());
            Tech tech = Tech.fromDialTech(row.protocol().startsWith("PJSIP") ? "PJSIP" : row.protocol())
                    .orElse(Tech.SIP);
            return LeverRun.run(ctx, db.jdbc, name, active ? ControlVerb.CARRIER_ACTIVE : ControlVerb.CARRIER_INACTIVE, tech,
                    "CARRIER", id, "active " + (row.active() ? "Y" : "N"), reason, ticket,
                    LeverRun.viciActor(viciUser), levers, (l, who) -> l.setCarrierActive(id, active, who, reason,
                            ticket));
        }
    }
}
