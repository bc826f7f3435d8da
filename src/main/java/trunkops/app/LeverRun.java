package trunkops.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.db.DbException;
import trunkops.db.ViciDialLevers;
import trunkops.db.ViciDialLevers.Change;
import trunkops.db.ViciDialLevers.LeverException;
import trunkops.db.ViciDialLevers.ViciActor;
import trunkops.text.SafeText;
import trunkops.topology.Tech;

/**
 * Runs one of ViciDial's levers from the command line, journaled like the ASTDB actions: begin (what it was) before
 * the change, complete (what it is now, or why not) after; nothing is changed when the journal cannot be written.
 * Outcome lines: {@code vicidial <what> <before> -> <after> applied} or {@code ... failed: reason}.
 */
@ConsoleOutput
final class LeverRun {

    /** The journal's name for the one "dialer" a lever acts on: ViciDial's database. */
    static final String TARGET = "vicidial-db";

    @FunctionalInterface
    interface Lever {
        Change run(ViciDialLevers levers, ViciActor who) throws LeverException, DbException;
    }

    private LeverRun() {
    }

    /** Who changes ViciDial: the OS user (vicidial_admin_log.user), this host's address, user group TRUNKOPS. */
    static ViciActor viciActor(String user) {
        String ip;
        try {
            ip = java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            ip = "127.0.0.1";
        }
        return new ViciActor(user == null ? System.getProperty("user.name", "trunkops") : user, ip, "TRUNKOPS");
    }

    /**
     * The person's role allows {@code action} on the cluster of {@code jdbc}: empty, else the one line to print
     * (with the audit journal wired; without it there is no policy to ask).
     */
    static Optional<String> refusal(CliContext ctx, String jdbc, trunkops.control.audit.RolePolicy.Action action) {
        if (ctx.journal().get() instanceof ControlWiring.Audit audited) {
            try {
                return audited.bind(jdbc).refusal(action);
            } catch (ControlJournal.JournalException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** True (the refusal printed as {@code <name>: <why> (nothing changed)}) when the role does not allow it. */
    static boolean refused(CliContext ctx, String jdbc, trunkops.control.audit.RolePolicy.Action action,
                           String name) {
        Optional<String> why = refusal(ctx, jdbc, action);
        why.ifPresent(w -> ctx.err().println(name + ": " + SafeText.display(w) + " (nothing changed)"));
        return why.isPresent();
    }

    static int run(CliContext ctx, String jdbc, String name, ControlVerb verb, Tech tech, String kind, String id, String before,
                   String reason, String ticket, ViciActor who, ViciDialLevers levers, Lever lever) {
        ControlRequest request = new ControlRequest(verb, tech, id, List.of(), Optional.of(kind), OptionalInt.empty(),
                Optional.empty(), reason, Optional.ofNullable(ticket), ControlRun.actor());
        ControlJournal journal = ctx.journal().get();
        if (journal instanceof ControlWiring.Unjournaled) {
            ctx.err().println(name + ": warning: " + ControlWiring.Unjournaled.WARNING);
        }
        Optional<String> refused = refusal(ctx, jdbc, trunkops.control.audit.RolePolicy.Action.of(verb));
        if (refused.isPresent()) {
            ctx.err().println(name + ": " + SafeText.display(refused.get()) + " (nothing changed)");
            return Cli.FAILED;
        }
        String entry;
        try {
            entry = journal.begin(request, Map.of(TARGET, before));
        } catch (ControlJournal.JournalException | RuntimeException e) {
            ctx.err().println(name + ": nothing changed: the journal could not be written ("
                    + SafeText.display(String.valueOf(e.getMessage())) + ")");
            return Cli.FAILED;
        }
        long t0 = System.nanoTime();
        DialerOutcome outcome;
        int code;
        try {
            Change c = lever.run(levers, who);
            outcome = new DialerOutcome(TARGET, DialerOutcome.Status.APPLIED, c.what() + " " + c.before() + " -> "
                    + c.after() + (c.serversFlagged().isEmpty() ? "" : ", rebuild flagged on "
                    + String.join(",", c.serversFlagged())));
            code = Cli.OK;
        } catch (LeverException e) {
            outcome = new DialerOutcome(TARGET, DialerOutcome.Status.FAILED, e.getMessage());
            code = Cli.FAILED;
        } catch (DbException e) {
            outcome = new DialerOutcome(TARGET, DialerOutcome.Status.UNREACHABLE, e.getMessage());
            code = Cli.FAILED;
        }
        ControlResult result = new ControlResult(request, List.of(outcome), Duration.ofNanos(System.nanoTime() - t0));
        try {
            journal.complete(entry, result);
        } catch (ControlJournal.JournalException | RuntimeException e) {
            ctx.err().println(name + ": warning: the journal entry could not be completed ("
                    + SafeText.display(String.valueOf(e.getMessage())) + ")");
        }
        String status = switch (outcome.status()) {
            case APPLIED -> "applied";
            case FAILED -> "failed: ";
            case UNREACHABLE -> "unreachable: ";
        };
        ctx.out().println(TARGET + " " + SafeText.display(kind.toLowerCase(java.util.Locale.ROOT) + " " + id) + " "
                + verb + " " + (code == Cli.OK ? status + " (" + SafeText.display(outcome.detail()) + ")"
                : status + SafeText.display(outcome.detail())));
        return code;
    }

    /** A required reason: not blank, one line, at most 500 characters (exit 2 otherwise). */
    static void checkReason(String reason, String ticket) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required (--reason \"...\"): the journal and ViciDial's"
                    + " admin log say why");
        }
        if (reason.length() > 500 || reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("--reason must be one line of at most 500 characters");
        }
        if (ticket != null && (ticket.length() > 64 || ticket.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new IllegalArgumentException("--ticket must be one line of at most 64 characters");
        }
    }
}
