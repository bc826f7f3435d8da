package trunkops.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import trunkops.ami.AmiAstDbLink;
import trunkops.ami.AmiCallLink;
import trunkops.ami.AmiTarget;
import trunkops.app.AmiDrillLine;
import trunkops.app.ConsoleOutput;
import trunkops.control.AstDbTrunkControl;
import trunkops.routing.FailoverPolicy;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;

/**
 * A console that runs one long drill (20 calls on RPRIO) against the lab dialer at {@code host port}, journaling to
 * {@code journal}: started in its own JVM by {@link DrillLabTest} and killed (SIGKILL) mid-drill.
 */
@ConsoleOutput
public final class DrillProcessMain {

    private DrillProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        AmiTarget target = new AmiTarget(DrillLab.SERVER, args[0], Integer.parseInt(args[1]), "noc");
        DrillJournal journal = new DrillJournal(Path.of(args[2]));
        RouteVersion prio = DrillLab.version(DrillLab.route("RPRIO", Strategy.PRIORITY, FailoverPolicy.DEFAULT, 3));
        AmiCallLink calls = AmiCallLink.open(target, "nocsecret"::toCharArray, 5_000);
        AmiAstDbLink astdb = new AmiAstDbLink(target, "nocsecret"::toCharArray, 5_000);
        AstDbTrunkControl control = new AstDbTrunkControl(Map.of(DrillLab.SERVER, astdb), Optional::empty,
                new trunkops.control.ControlJournal() {
                    @Override
                    public String begin(trunkops.control.ControlRequest r, Map<String, String> before) {
                        return "x";
                    }

                    @Override
                    public void complete(String id, trunkops.control.ControlResult result) {
                    }

                    @Override
                    public java.util.List<trunkops.control.ControlRequest> unfinished() {
                        return java.util.List.of();
                    }
                }, Duration.ofSeconds(5), Clock.systemUTC());
        AmiDrillLine line = new AmiDrillLine(calls, astdb, "\"kill test\" <0000000000>",
                Optional.of(new AmiDrillLine.AnswerTo("drill-answer", "s")));
        DrillPlan plan = new DrillPlan(prio, prio.route().byPriority().get(0), DrillLab.SERVER, 20, DrillLab.NUMBER,
                "drill-prio", Optional.empty(), Duration.ofSeconds(30), 1, "killed@lab", "drill to be killed");
        DrillReport r = new DrillRunner(plan, line, control, journal, DrillRoleCheck.ALLOW, Clock.systemUTC(),
                DrillRunner.Listener.NONE, DrillRunner.Settings.defaults()).run();
        System.out.println(r.summary());
        System.exit(0);
    }
}
