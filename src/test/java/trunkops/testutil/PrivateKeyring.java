package trunkops.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service for tests, isolated from the user's own: a private D-Bus session bus and a
 * {@code gnome-keyring-daemon} whose data, cache and runtime directories are under a temporary directory,
 * unlocked with a throw-away password. Needs the Debian packages {@code dbus}, {@code gnome-keyring} and
 * {@code libsecret-tools} (installed by {@code .ci/run}); tests using it are marked {@link NeedsSecretService}.
 */
public final class PrivateKeyring implements AutoCloseable {

    private final Process bus;
    private final Process daemon;
    private final Map<String, String> environment;

    private PrivateKeyring(Process bus, Process daemon, Map<String, String> environment) {
        this.bus = bus;
        this.daemon = daemon;
        this.environment = environment;
    }

    public static PrivateKeyring start(Path dir) throws IOException, InterruptedException {
        List<SecretServiceCondition.Program> missing = SecretServiceCondition.missing(SecretServiceCondition::onPath);
        if (!missing.isEmpty()) {
            throw new IOException("cannot start a private Secret Service: no " + SecretServiceCondition.names(missing)
                    + " on PATH (apt-get install --no-install-recommends " + SecretServiceCondition.packages(missing)
                    + "; .ci/run installs them)");
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("XDG_RUNTIME_DIR", Files.createDirectories(dir.resolve("run")).toString());
        env.put("XDG_DATA_HOME", Files.createDirectories(dir.resolve("data")).toString());
        env.put("XDG_CACHE_HOME", Files.createDirectories(dir.resolve("cache")).toString());
        env.put("XDG_CONFIG_HOME", Files.createDirectories(dir.resolve("config")).toString());
        ProcessBuilder busBuilder = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1");
        busBuilder.environment().putAll(env);
        busBuilder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process bus = busBuilder.start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (address == null || address.isBlank()) {
            bus.destroyForcibly();
            throw new IOException("dbus-daemon did not print an address");
        }
        env.put("DBUS_SESSION_BUS_ADDRESS", address.strip());
        env.remove("DISPLAY");
        ProcessBuilder gk = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets");
        gk.environment().putAll(env);
        gk.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        gk.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process daemon = gk.start();
        try (OutputStream in = daemon.getOutputStream()) {
            in.write("throw-away-test-password".getBytes(StandardCharsets.UTF_8));
        }
        PrivateKeyring k = new PrivateKeyring(bus, daemon, Map.copyOf(env));
        k.awaitService();
        return k;
    }

    /** Waits until the Secret Service name is owned on the private bus. */
    private void awaitService() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            ProcessBuilder pb = new ProcessBuilder("dbus-send", "--session", "--print-reply",
                    "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets");
            pb.environment().putAll(environment);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            if (out.contains("boolean true")) {
                return;
            }
            // the pause before asking the bus again doubles as the watch on the daemon: it returns early if it exits
            if (daemon.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IOException("gnome-keyring-daemon exited with " + daemon.exitValue());
            }
        }
        throw new IOException("the private Secret Service did not come up within 15 s");
    }

    /** The environment a client needs to reach this keyring (bus address and the isolated directories). */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        daemon.destroy();
        bus.destroy();
        try {
            daemon.waitFor(5, TimeUnit.SECONDS);
            bus.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemon.destroyForcibly();
        bus.destroyForcibly();
    }
}
