package trunkops.drill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A drill's result, self-contained (kept in the drill history and exported): what was planned, how it ended and
 * why, every test call, the timings, the members' latency during the drill and the live log.
 *
 * @param timeToFailoverMs from A being out (read back) to the first test call answered on a backup, console clock;
 *                         -1 when none was
 * @param timeToRecoveryMs from A being restored (read back) to the first verify call A answered, console clock; -1
 *                         when none was
 * @param takeOutMs        how long taking A out took (send to read-back), -1 when not done
 */
public record DrillReport(String id, String route, int version, String strategy, String trunk, List<String> backups,
                          String serverId, String number, String context, String mode, String actor, String reason,
                          Instant started, Instant finished, DrillOutcome outcome, List<String> reasons,
                          List<CallRecord> calls, long takeOutMs, long timeToFailoverMs, long restoreMs,
                          long timeToRecoveryMs, List<LatencySample> latency, List<String> log) {

    /** One probe of a member's qualify latency ({@code ms} -1 when it did not answer). */
    public record LatencySample(long atMs, String trunk, int ms, String status) {
    }

    public DrillReport {
        backups = List.copyOf(backups);
        reasons = List.copyOf(reasons);
        calls = List.copyOf(calls);
        latency = List.copyOf(latency);
        log = List.copyOf(log);
    }

    public boolean passed() {
        return outcome == DrillOutcome.PASSED;
    }

    public List<CallRecord> drillCalls() {
        return calls.stream().filter(c -> c.phase().equals("drill")).toList();
    }

    public List<CallRecord> verifyCalls() {
        return calls.stream().filter(c -> c.phase().equals("verify")).toList();
    }

    /** Mean time from a drill call's first event to its answer on a backup (dialer clock), ms. */
    public OptionalDouble meanTimeToAnswerMs() {
        return drillCalls().stream().filter(CallRecord::connected).mapToLong(CallRecord::timeToAnswerMs)
                .filter(x -> x >= 0).average();
    }

    public Optional<CallRecord> firstVerifyOnA() {
        return verifyCalls().stream().filter(c -> c.answeredBy().map(trunk::equals).orElse(false)).findFirst();
    }

    /** The one-line summary the CLI prints and the history lists. */
    public String summary() {
        long connected = drillCalls().stream().filter(CallRecord::connected).count();
        return "drill " + id + " route " + route + " v" + version + " trunk " + trunk + " on " + serverId + ": "
                + outcome + "; " + connected + "/" + drillCalls().size() + " test calls connected on a backup"
                + (timeToFailoverMs >= 0 ? "; failover " + timeToFailoverMs + " ms" : "")
                + (timeToRecoveryMs >= 0 ? "; recovery " + timeToRecoveryMs + " ms" : "");
    }
}
