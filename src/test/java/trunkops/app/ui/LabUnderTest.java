package trunkops.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import trunkops.app.AppPaths;
import trunkops.lab.LabCluster;
import trunkops.lab.LabClusterSpec;

/**
 * A lab started once for a console test class, in a fresh {@code target/<name>} directory, with the scheduler its
 * console sessions run on; {@link #close()} stops both and deletes the directory.
 */
record LabUnderTest(LabCluster lab, Path dir, ScheduledExecutorService scheduler) implements AutoCloseable {

    static LabUnderTest start(String name, LabClusterSpec spec, Function<Path, LabCluster.Options> options)
            throws IOException {
        Path dir = Files.createDirectories(Path.of("target", name));
        AppPaths.deleteTree(dir);
        LabCluster lab = LabCluster.start(spec, options.apply(dir), m -> { });
        return new LabUnderTest(lab, dir, Executors.newScheduledThreadPool(1));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        lab.close();
        AppPaths.deleteTree(dir);
    }
}
