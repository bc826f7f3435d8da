package trunkops.drill;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import trunkops.control.AdminFlag;
import trunkops.control.AdminState;
import trunkops.routing.RouteMember;

/**
 * What must hold before a drill changes anything: the plan itself ({@link DrillPlan#problems()}), the person's role,
 * no other unfinished drill on this route, trunk A in service on the dialer (not already forced), and every backup
 * member up <em>now</em> (probed on the dialer at this moment, so the data is fresh by construction) and not forced
 * offline or drained. One line per problem, each naming what and where.
 */
final class Preflight {

    private final DrillPlan plan;
    private final DrillLine line;
    private final DrillJournal journal;
    private final DrillRoleCheck role;
    private final Clock clock;

    Preflight(DrillPlan plan, DrillLine line, DrillJournal journal, DrillRoleCheck role, Clock clock) {
        this.plan = plan;
        this.line = line;
        this.journal = journal;
        this.role = role;
        this.clock = clock;
    }

    List<String> check(Consumer<String> say) {
        List<String> p = new ArrayList<>(plan.problems());
        role.refusal().ifPresent(p::add);
        try {
            journal.unfinished().stream().filter(u -> u.route().equals(plan.route().name()))
                    .forEach(u -> p.add("drill " + u.id() + " on route " + u.route() + " is still unfinished (state "
                            + u.lastState() + ")"));
        } catch (IOException e) {
            p.add("the drill journal cannot be read: " + e.getMessage());
        }
        try {
            journal.mirror().running(plan.route().name()).forEach(id -> p.add("drill " + id + " on route "
                    + plan.route().name() + " is running (another console, per the drill table)"));
        } catch (IOException e) {
            say.accept("preflight: the drill table cannot be read (" + e.getMessage() + "): only this machine's"
                    + " drills are checked");
        }
        if (!p.isEmpty()) {
            return p; // nothing asked of the dialer for a plan that cannot run
        }
        try {
            checkA(p, say);
            for (RouteMember b : plan.backups()) {
                checkBackup(b, p, say);
            }
        } catch (IOException e) {
            p.add("dialer " + plan.serverId() + " did not answer: " + e.getMessage());
        }
        return p;
    }

    private void checkA(List<String> p, Consumer<String> say) throws IOException {
        RouteMember a = plan.trunk();
        Optional<String> flag = line.adminFlag(a.peer());
        AdminState st = flag.map(AdminFlag::parse).orElse(AdminFlag.IN_SERVICE).effectiveAt(clock.instant());
        if (st != AdminState.IN_SERVICE && plan.fault().isEmpty()) {
            p.add("trunk A " + a.trunk() + " is already " + st.name().toLowerCase(java.util.Locale.ROOT) + " on "
                    + plan.serverId() + " (" + flag.orElse("") + "): a drill would prove nothing and restore the"
                    + " wrong state");
            return;
        }
        DrillLine.Probe probe = line.probe(a.tech(), a.peer());
        say.accept("preflight: trunk A " + a.trunk() + " " + probe.status() + ", in service");
    }

    private void checkBackup(RouteMember b, List<String> p, Consumer<String> say) throws IOException {
        DrillLine.Probe probe = line.probe(b.tech(), b.peer());
        Optional<String> flag = line.adminFlag(b.peer());
        AdminState st = flag.map(AdminFlag::parse).orElse(AdminFlag.IN_SERVICE).effectiveAt(clock.instant());
        if (!probe.up()) {
            p.add("backup " + b.trunk() + " is not up on " + plan.serverId() + ": " + probe.status()
                    + " (probed now): the drill would leave the route's calls nowhere to go");
        } else if (st != AdminState.IN_SERVICE) {
            p.add("backup " + b.trunk() + " is forced " + st.name().toLowerCase(java.util.Locale.ROOT) + " on "
                    + plan.serverId() + " (" + flag.orElse("") + ")");
        } else {
            say.accept("preflight: backup " + b.trunk() + " " + probe.status() + ", in service");
        }
    }
}
