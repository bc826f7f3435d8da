package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lab killed with SIGTERM (a service stop, {@code kill}, a closed terminal) leaves neither its run directory (the
 * lab's MariaDB data, ~150 MB) nor a mariadbd behind: the headless {@code --lab-only} and the console, each in a JVM
 * of its own with its own XDG state directory, killed once the lab has started, and the console also while its lab
 * is still starting (the database is up, the seeding runs).
 */
class LabRunShutdownTest {

    private static final String STARTED = "lab started in ";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lab-only", "console", "console-starting"})
    void sigtermRemovesTheRunDirectoryAndStopsMariadbd(String mode) throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "lab-run-tests")
                .toAbsolutePath()), mode + "-");
        Path labs = home.resolve("state").resolve("trunkops").resolve("lab");
        Process child = start(mode, home);
        List<String> log = new ArrayList<>();
        try {
            CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> awaitLine(child, log));
            List<ProcessHandle> mariadbd;
            if (mode.endsWith("-starting")) {
                mariadbd = awaitMariadbd(child);
                assertTrue(!started.isDone(), "killed while the lab starts; but it has started already");
            } else {
                String line = started.get(180, TimeUnit.SECONDS);
                assertTrue(line != null, "the child ended before the lab started:\n" + String.join("\n", log));
                Path runDir = Path.of(line.substring(line.indexOf(STARTED) + STARTED.length()).strip());
                assertTrue(runDir.startsWith(labs) && Files.isDirectory(runDir.resolve("mariadb")), line);
                mariadbd = mariadbd(child);
            }
            assertEquals(1, mariadbd.size(), "one mariadbd under the child JVM");

            child.destroy();                                                     // SIGTERM
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "the child exits after SIGTERM");
            mariadbd.get(0).onExit().get(30, TimeUnit.SECONDS);
            assertTrue(!mariadbd.get(0).isAlive(), "no mariadbd left");
            try (Stream<Path> left = Files.list(labs)) {
                assertEquals(List.of(), left.toList(), "nothing left in " + labs + "; child log:\n"
                        + String.join("\n", log));
            }
        } finally {
            child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.onExit().get(30, TimeUnit.SECONDS);
            AppPaths.deleteTree(home);
        }
    }

    private static List<ProcessHandle> mariadbd(Process child) {
        return child.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false)).toList();
    }

    /** Waits (up to 120 s) for the lab's database server to appear under the child. */
    private static List<ProcessHandle> awaitMariadbd(Process child) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<ProcessHandle> found = mariadbd(child);
        while (found.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
            found = mariadbd(child);
        }
        return found;
    }

    /** The launcher in a JVM of its own: no cluster configured, so the console opens on the lab (headless Monocle). */
    private static Process start(String mode, Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + resource("logback-child.xml")));
        if (mode.startsWith("console")) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Djava.awt.headless=true"));
        }
        command.add(Launcher.class.getName());
        if (mode.equals("lab-only")) {
            command.add("--lab-only");
        }
        command.addAll(List.of("--no-lab-history", "--no-lab-traffic"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().remove("DISPLAY");
        return pb.start();
    }

    private static String resource(String name) {
        try {
            return Path.of(LabRunShutdownTest.class.getResource("/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and drops the rest of a child's output; the stream closing when the child is gone ends it quietly
     *  (an uncaught exception here would surface as a delayed failure in whichever TestFX test runs next). */
    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // dropped
            }
        } catch (IOException closed) {
            // the child was destroyed and its stream closed: nothing more to read
        }
    }

    /** Reads the child's output until the lab reports its run directory; keeps draining afterwards. */
    private static String awaitLine(Process child, List<String> log) {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                synchronized (log) {
                    log.add(line);
                }
                if (line.contains(STARTED)) {
                    Thread drain = new Thread(() -> drain(out), "child-output");
                    drain.setDaemon(true);
                    drain.start();
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
