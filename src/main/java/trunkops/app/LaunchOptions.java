package trunkops.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import trunkops.lab.LabCluster;

/**
 * The launcher's command line: {@code --lab-only}, {@code --lab-speed=<x>}, {@code --lab-traffic=<x>},
 * {@code --no-lab-traffic}, {@code --no-lab-history}, {@code --lab-run=<lab command>} (repeatable, e.g.
 * {@code --lab-run="at 20 kill orbit-west"}, or {@code --lab-run=at+20+kill+orbit-west} through Maven),
 * {@code --cluster=<profile name>} (the cluster to open first; {@code lab} for the embedded lab),
 * {@code --screenshot=<png>}, {@code --screenshot-delay=<ms>}, {@code --screenshot-tab=<n>} (the main tab to show,
 * 1 = board, as Ctrl+n), {@code --exit-after=<ms>} and {@code --wall} (open as a wall display: full screen, larger
 * type, as F11);
 * sub-commands ({@code status ...}) keep their own arguments.
 */
public record LaunchOptions(boolean labOnly, double labSpeed, double labTraffic, boolean labHistory,
                            String screenshot, long screenshotDelayMs, long exitAfterMs, List<String> labRun,
                            String cluster, int screenshotTab, List<String> rest, boolean wall) {

    public static LaunchOptions parse(String[] args) {
        boolean labOnly = false;
        double speed = 1.0;
        double traffic = 1.0;
        boolean history = true;
        String shot = null;
        String cluster = null;
        long exitAfter = 0;
        long shotDelay = 0;
        int shotTab = 1;
        List<String> rest = new ArrayList<>();
        List<String> labRun = new ArrayList<>();
        boolean wall = false;
        for (String a : args) {
            if (a.equals("--lab-only")) {
                labOnly = true;
            } else if (a.startsWith("--lab-speed=")) {
                speed = number(a);
            } else if (a.startsWith("--lab-traffic=")) {
                traffic = number(a);
            } else if (a.equals("--no-lab-traffic")) {
                traffic = 0;
            } else if (a.equals("--no-lab-history")) {
                history = false;
            } else if (a.startsWith("--screenshot=")) {
                shot = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("--lab-run=")) {
                // '+' stands for a space, because `mvn javafx:run -Dtrunkops.args=...` splits on spaces
                labRun.add(a.substring(a.indexOf('=') + 1).replace('+', ' '));
            } else if (a.startsWith("--cluster=")) {
                cluster = a.substring(a.indexOf('=') + 1).replace('+', ' ');
            } else if (a.startsWith("--screenshot-delay=")) {
                shotDelay = (long) number(a);
            } else if (a.startsWith("--screenshot-tab=")) {
                shotTab = (int) number(a);
            } else if (a.startsWith("--exit-after=")) {
                exitAfter = (long) number(a);
            } else if (a.equals("--wall")) {
                wall = true;
            } else {
                rest.add(a);
            }
        }
        return new LaunchOptions(labOnly, speed, traffic, history, shot, shotDelay, exitAfter, List.copyOf(labRun),
                cluster, shotTab, List.copyOf(rest), wall);
    }

    private static double number(String arg) {
        String v = arg.substring(arg.indexOf('=') + 1);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in " + arg);
        }
    }

    LabCluster.Options labOptions(Path dir) {
        return new LabCluster.Options(dir, labSpeed, labHistory, labTraffic > 0, Math.max(labTraffic, 0),
                Duration.ofSeconds(15), 20261126L);
    }
}
