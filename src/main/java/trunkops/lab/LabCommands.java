package trunkops.lab;

import java.util.List;
import java.util.Locale;

/**
 * The lab's operator language, typed on the headless lab's stdin or sent from the console's lab menu:
 * {@code kill nsvoice}, {@code lag orbit-east 400}, {@code fail blueline 503 60}, {@code drop-ami DIALER2},
 * {@code stop-db}... Every command answers one line saying what it did, or why it could not.
 */
public final class LabCommands {

    public static final List<String> HELP = List.of(
            "kill <peer>                    the carrier SBC behind <peer> stops answering (all dialers)",
            "restore <peer>                 undo every fault on <peer>",
            "lag <peer> <ms>                add latency (above maxms: LAGGED; above 2 x maxms: UNREACHABLE)",
            "flap <peer> <seconds>          the SBC is down half of every period",
            "fail <peer> <sip-code> <pct>   reject pct% of calls with sip-code, probes still OK",
            "isolate <server> <peer>        one dialer loses its path to <peer>",
            "registrar-down <peer> | registrar-up <peer>   PJSIP: REGISTER unanswered (OPTIONS/calls fine)",
            "drop-ami <server> | restart-ami <server>",
            "hang-ami <server> | thaw-ami <server>",
            "garble-ami <server>            send malformed AMI frames to every client once",
            "stop-db | start-db",
            "traffic <multiplier>           scale campaign call rates (0 stops new calls)",
            "at <seconds> <command>         run a command later (schedules outages, lag, recovery)",
            "help");

    private final LabCluster lab;
    private java.util.concurrent.ScheduledExecutorService scheduler;

    public LabCommands(LabCluster lab) {
        this.lab = lab;
    }

    private synchronized java.util.concurrent.ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lab-schedule");
                t.setDaemon(true);
                return t;
            });
        }
        return scheduler;
    }

    private static final class LoggerHolder {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabCommands.class);
    }

    /** Runs one command line; returns the one-line answer. */
    public String run(String line) {
        String[] w = line.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            return "";
        }
        LabFaults f = lab.faults();
        try {
            switch (w[0].toLowerCase(Locale.ROOT)) {
                case "help" -> {
                    return String.join(System.lineSeparator(), HELP);
                }
                case "kill" -> {
                    need(w, 2);
                    f.killTrunk(w[1]);
                    return "ok: " + w[1] + " killed";
                }
                case "restore" -> {
                    need(w, 2);
                    f.restoreTrunk(w[1]);
                    return "ok: " + w[1] + " restored";
                }
                case "lag" -> {
                    need(w, 3);
                    f.lagTrunk(w[1], Double.parseDouble(w[2]));
                    return "ok: " + w[1] + " +" + w[2] + " ms";
                }
                case "flap" -> {
                    need(w, 3);
                    f.flapTrunk(w[1], (long) (Double.parseDouble(w[2]) * 1000));
                    return "ok: " + w[1] + " flapping every " + w[2] + " s";
                }
                case "fail" -> {
                    need(w, 4);
                    f.failCalls(w[1], Integer.parseInt(w[2]), Double.parseDouble(w[3]) / 100.0);
                    return "ok: " + w[1] + " rejects " + w[3] + "% of calls with " + w[2];
                }
                case "isolate" -> {
                    need(w, 3);
                    f.isolateTrunk(w[1], w[2]);
                    return "ok: " + w[1] + " cut off from " + w[2];
                }
                case "registrar-down", "registrar-up" -> {
                    need(w, 2);
                    boolean down = w[0].equalsIgnoreCase("registrar-down");
                    f.registrarDown(w[1], down);
                    return "ok: registrar behind " + w[1] + (down ? " down" : " up");
                }
                case "drop-ami" -> {
                    need(w, 2);
                    f.dropAmi(w[1]);
                    return "ok: AMI of " + w[1] + " dropped";
                }
                case "restart-ami" -> {
                    need(w, 2);
                    f.restartAmi(w[1]);
                    return "ok: AMI of " + w[1] + " back";
                }
                case "hang-ami", "thaw-ami" -> {
                    need(w, 2);
                    boolean hang = w[0].equalsIgnoreCase("hang-ami");
                    f.hangAmi(w[1], hang);
                    return "ok: AMI of " + w[1] + (hang ? " hanging" : " answering");
                }
                case "garble-ami" -> {
                    need(w, 2);
                    f.garbleAmi(w[1]);
                    return "ok: malformed frames sent to the AMI clients of " + w[1];
                }
                case "stop-db" -> {
                    f.stopDatabase();
                    return "ok: database stopped";
                }
                case "start-db" -> {
                    f.startDatabase();
                    return "ok: database started";
                }
                case "at" -> {
                    need(w, 3);
                    double seconds = Double.parseDouble(w[1]);
                    String later = line.strip().split("\\s+", 3)[2];
                    scheduler().schedule(() -> LoggerHolder.LOG.info("lab at +{}s: {} -> {}", w[1], later,
                            run(later)), lab.clock().realNanos((long) (seconds * 1000)),
                            java.util.concurrent.TimeUnit.NANOSECONDS);
                    return "ok: in " + w[1] + " s: " + later;
                }
                case "traffic" -> {
                    need(w, 2);
                    lab.setTrafficMultiplier(Double.parseDouble(w[1]));
                    return "ok: traffic x" + w[1];
                }
                default -> {
                    return "error: unknown command '" + w[0] + "' (try: help)";
                }
            }
        } catch (NumberFormatException e) {
            return "error: not a number in '" + line.strip() + "'";
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "error: " + e.getMessage();
        }
    }

    private static void need(String[] w, int n) {
        if (w.length < n) {
            throw new IllegalArgumentException("'" + w[0] + "' needs " + (n - 1) + " argument(s); try: help");
        }
    }
}
