package trunkops.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import trunkops.lab.LabCluster;

/**
 * What the console and the headless lab were started with (parsed by {@link TrunkOpsCommand} and
 * {@link LabOnlyCommand}): the lab's speed, traffic, history and start commands, the cluster to open first
 * ({@code lab} for the embedded lab), the screenshot / exit-after options used to make the README's images, and
 * {@code wall} (open as a wall display: full screen, larger type, as F11).
 */
public record LaunchOptions(double labSpeed, double labTraffic, boolean labHistory, String screenshot,
                            long screenshotDelayMs, long exitAfterMs, List<String> labRun, String cluster,
                            String screenshotTab, boolean wall) {

    public LaunchOptions {
        labRun = List.copyOf(labRun);
    }

    /** No options: the console on the first configured cluster (or the lab), lab at real speed. */
    static LaunchOptions defaults() {
        return new LaunchOptions(1.0, 1.0, true, null, 0, 0, List.of(), null, "1", false);
    }

    static LaunchOptions ofLab(LabOptions lab) {
        return new LaunchOptions(lab.speed, lab.effectiveTraffic(), !lab.noHistory, null, 0, 0, lab.run, null, "1",
                false);
    }

    LabCluster.Options labOptions(Path dir) {
        return new LabCluster.Options(dir, labSpeed, labHistory, labTraffic > 0, Math.max(labTraffic, 0),
                Duration.ofSeconds(15), 20261126L);
    }
}
