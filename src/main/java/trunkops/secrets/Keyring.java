package trunkops.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keyring (the freedesktop Secret Service: GNOME Keyring, KWallet) through libsecret's
 * {@code secret-tool}, run without a shell. A secret travels only through the tool's stdin/stdout pipes, never
 * on a command line, in a file or in a log. Items carry the attributes {@code service=trunkops},
 * {@code kind=ami|db}, {@code user}, {@code target} (a host, a cluster name or a JDBC address).
 */
public final class Keyring {

    private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
    public static final String SERVICE = "trunkops";
    private static final long TIMEOUT_MS = 15_000;

    /** What a secret opens: an AMI login or a database login, for one user at one target. */
    public record Entry(Kind kind, String user, String target) {
        public Entry {
            check("user", user);
            check("target", target);
        }

        /** How people read it: {@code ami cron@10.0.0.5}. */
        public String label() {
            return kind.word() + " " + user + "@" + target;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    public enum Kind {
        AMI("ami"), DB("db"),
        /** A webhook address for alerts (its token is in the address): user "alerts", target the cluster. */
        WEBHOOK("webhook");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equalsIgnoreCase(word)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind must be 'ami' or 'db', or 'webhook' for alerts (got '" + word
                    + "')");
        }
    }

    private final String tool;
    private final Map<String, String> environment;

    /** The keyring of the user's session ({@code secret-tool} on the PATH). */
    public static Keyring system() {
        return new Keyring("secret-tool", Map.of());
    }

    /** A keyring reached with {@code tool}, with {@code environment} added to the tool's (e.g. a D-Bus address). */
    public Keyring(String tool, Map<String, String> environment) {
        this.tool = tool;
        this.environment = Map.copyOf(environment);
    }

    static void check(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("keyring " + what + " is empty");
        }
        if (value.length() > 512) {
            throw new IllegalArgumentException("keyring " + what + " is longer than 512 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("keyring " + what + " contains a control character");
            }
        }
    }

    private List<String> command(String verb, Entry e, String... extra) {
        List<String> c = new ArrayList<>(List.of(tool, verb));
        c.addAll(List.of(extra));
        c.addAll(List.of("service", SERVICE, "kind", e.kind().word(), "user", e.user(), "target", e.target()));
        return c;
    }

    /** The stored secret, or empty when there is none; the caller owns (and should clear) the array. */
    public Optional<char[]> lookup(Entry e) throws KeyringException {
        Result r = run(command("lookup", e), null);
        if (r.exit != 0) {
            if (r.stderr.isBlank()) {
                return Optional.empty();
            }
            throw new KeyringException("the OS keyring is not available: " + r.stderr.strip());
        }
        byte[] out = r.stdout;
        int n = out.length;
        if (n > 0 && out[n - 1] == '\n') {
            n--;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(out, 0, n));
        char[] secret = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(out, (byte) 0);
        return Optional.of(secret);
    }

    /** Stores (or replaces) the secret for {@code e}. */
    public void store(Entry e, char[] secret) throws KeyringException {
        if (secret.length == 0) {
            throw new IllegalArgumentException("refusing to store an empty secret");
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] in = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        Arrays.fill(bytes.array(), (byte) 0);
        try {
            Result r = run(command("store", e, "--label=TrunkOps " + e.label()), in);
            if (r.exit != 0) {
                throw new KeyringException("the OS keyring refused to store " + e.label() + ": "
                        + (r.stderr.isBlank() ? "exit " + r.exit : r.stderr.strip()));
            }
        } finally {
            Arrays.fill(in, (byte) 0);
        }
        LOG.info("stored the secret for {} in the OS keyring", e.label());
    }

    /** Removes the secret for {@code e}; true when there was one. */
    public boolean forget(Entry e) throws KeyringException {
        if (lookup(e).map(c -> {
            Arrays.fill(c, '\0');
            return true;
        }).isEmpty()) {
            return false;
        }
        Result r = run(command("clear", e), null);
        if (r.exit != 0) {
            throw new KeyringException("the OS keyring refused to forget " + e.label() + ": " + r.stderr.strip());
        }
        LOG.info("removed the secret for {} from the OS keyring", e.label());
        return true;
    }

    /** Whether the keyring answers at all (tool installed, a Secret Service on the session bus). */
    public Optional<String> unavailableReason() {
        try {
            Optional<char[]> probe = lookup(new Entry(Kind.AMI, "availability-probe", "trunkops"));
            probe.ifPresent(c -> Arrays.fill(c, '\0'));
            return Optional.empty();
        } catch (KeyringException ex) {
            return Optional.of(ex.getMessage());
        }
    }

    private record Result(int exit, byte[] stdout, String stderr) {
    }

    private Result run(List<String> command, byte[] stdin) throws KeyringException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException ex) {
            throw new KeyringException("the OS keyring is not available: '" + tool + "' could not be run ("
                    + ex.getMessage() + "); install libsecret-tools, or enter secrets each session");
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = drain(p.getErrorStream(), err);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread outReader = drain(p.getInputStream(), out);
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new KeyringException("the OS keyring did not answer within " + TIMEOUT_MS / 1000
                        + " s (is it locked and waiting for a password?)");
            }
            outReader.join(TIMEOUT_MS);
            errReader.join(TIMEOUT_MS);
            byte[] stdout = out.toByteArray();
            out.reset();
            return new Result(p.exitValue(), stdout, err.toString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new KeyringException("the OS keyring could not be used: " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new KeyringException("interrupted while using the OS keyring");
        }
    }

    private static Thread drain(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }, "keyring-pipe");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
