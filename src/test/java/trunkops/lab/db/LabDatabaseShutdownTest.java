package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** mariadbd goes when its JVM is terminated (SIGTERM), even if nobody called close(). */
class LabDatabaseShutdownTest {

    @Test
    void mariadbdDiesWithItsJvm() throws Exception {
        Path dataDir = TestDirs.fresh("child");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LabDatabaseChildMain.class.getName(),
                dataDir.toString()))
                .redirectError(dataDir.resolveSibling(dataDir.getFileName() + ".child.log").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("PORT ")) {     // the child's log goes to stdout too
                line = out.readLine();
            }
            assertNotNull(line, "the child JVM exited before reporting its port; see " + dataDir + ".child.log");
            int port = Integer.parseInt(line.substring(5).strip());
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-stdout");
            drain.setDaemon(true);
            drain.start();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            List<ProcessHandle> mariadbd = child.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false)).toList();
            assertEquals(1, mariadbd.size(), "one mariadbd under the child JVM");

            child.destroy();                                          // SIGTERM, like Ctrl-C or a service stop
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exits");
            mariadbd.get(0).onExit().get(60, TimeUnit.SECONDS);       // and its mariadbd with it
            assertTrue(refused(port), "nothing listens on " + port + " any more");
        } finally {
            child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.onExit().get(30, TimeUnit.SECONDS);
            TestDirs.deleteLab(dataDir);
            Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".child.log"));
        }
    }

    private static boolean refused(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
