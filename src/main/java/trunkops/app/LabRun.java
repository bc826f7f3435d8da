package trunkops.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * The embedded lab of this process together with its run directory (the lab's MariaDB data, about 150 MB). The
 * directory goes on every way out: {@link #close()} (the console's window closed, a failed start) and a JVM shutdown
 * hook for SIGTERM, SIGINT and {@code System.exit}. The hook is registered before the lab starts, so a kill during
 * the start cleans up too: the start is told to stop at its next step, the hook waits for it to end (it may still be
 * unpacking or starting MariaDB, writing into the directory), then closes what started, waits for the server to exit
 * and deletes. Deleting while the start still runs left the directory behind (CI, 2026-12-04).
 */
final class LabRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabRun.class);
    private static final long MARIADBD_EXIT_WAIT_S = 30;
    private static final long START_END_WAIT_S = 120;

    private final Path dir;
    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch startEnded = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile LabCluster lab;
    private boolean done;

    private LabRun(Path dir) {
        this.dir = dir;
        this.hook = new Thread(this::cleanUp, "lab-shutdown");
    }

    /** Claims a fresh run directory and starts the lab cluster in it (with PJSIP carriers beside chan_sip, issue 13). */
    static LabRun start(LaunchOptions options, Consumer<String> progress) throws IOException {
        LabRun run = new LabRun(AppPaths.newLabRunDir());
        Runtime.getRuntime().addShutdownHook(run.hook);
        Consumer<String> steps = step -> {
            if (run.stopping) {
                throw new IllegalStateException("the process is shutting down");   // the lab closes what it started
            }
            progress.accept(step);
        };
        try {
            run.lab = LabCluster.start(LabDefaults.pjsipCluster(), options.labOptions(run.dir), steps);
        } catch (RuntimeException e) {
            run.startEnded.countDown();
            run.close();
            throw e;
        }
        run.startEnded.countDown();
        LOG.info("lab started in {}", run.dir);
        return run;
    }

    LabCluster lab() {
        return lab;
    }

    /** Blocks until the lab has been closed (by {@link #close()} or the shutdown hook). */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; cleaning up here as well is harmless (idempotent)
        }
        cleanUp();
    }

    private synchronized void cleanUp() {
        if (done) {
            return;
        }
        done = true;
        stopping = true;
        try {
            awaitStartEnded();
            LabCluster l = lab;
            if (l != null) {
                l.close();
            }
            awaitMariadbdGone();
            AppPaths.deleteTree(dir);
            LOG.info("lab stopped, {} removed", dir);
        } finally {
            closed.countDown();
        }
    }

    /** In the shutdown hook during a start: the start still writes into the directory until it returns or fails. */
    private void awaitStartEnded() {
        try {
            if (!startEnded.await(START_END_WAIT_S, TimeUnit.SECONDS)) {
                LOG.warn("the lab's start did not end within {} s of the shutdown; deleting {} anyway",
                        START_END_WAIT_S, dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A server still running in the directory (a kill during the start) would write into it while it is deleted. */
    private void awaitMariadbdGone() {
        String where = dir.toString();
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(where)).orElse(true))
                .toList();
        for (ProcessHandle p : servers) {
            try {
                p.onExit().get(MARIADBD_EXIT_WAIT_S, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                LOG.warn("the lab's mariadbd (pid {}) is still running after {} s; killing it", p.pid(),
                        MARIADBD_EXIT_WAIT_S);
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                return;
            }
        }
    }
}
