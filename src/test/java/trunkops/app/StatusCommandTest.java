package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.secrets.Keyring;
import trunkops.testutil.NeedsSecretService;
import trunkops.testutil.PrivateKeyring;

/** The headless status command against a lab dialer: plain AMI, with the database, and --watch. */
class StatusCommandTest {

    private static LabCluster lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "status-test"));
        AppPaths.deleteTree(dir);
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 9L), m -> { });
    }

    @AfterAll
    static void stop() {
        lab.close();
        AppPaths.deleteTree(dir);
    }

    private static LabCluster.AmiAccess dialer(String id) {
        return lab.amiAccess().stream().filter(a -> a.serverId().equals(id)).findFirst().orElseThrow();
    }

    private record Result(int code, String out, String err) {
    }

    /** A keyring that is never reachable: the tests name their secrets through environment variables. */
    private static final Keyring NO_KEYRING = new Keyring("no-such-secret-tool", Map.of());

    private static Result run(List<String> args, Map<String, String> env, CompletableFuture<Void> stop,
                              ByteArrayOutputStream out) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StatusCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get, stop, NO_KEYRING);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainAmiListsEveryPeerOfTheDialer() throws Exception {
        LabCluster.AmiAccess a = dialer("DIALER3");
        Result r = run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user(), "--secret-env",
                "LAB_SECRET"), Map.of("LAB_SECRET", a.secret()), CompletableFuture.completedFuture(null),
                new ByteArrayOutputStream());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).matches(a.host() + " blueline REACHABLE \\d+ \\d+"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(a.host() + " orbit-west ")), r.out());
    }

    @Test
    void withTheDatabaseServersAreNamedAndOnlyCarrierTrunksListed() throws Exception {
        LabCluster.AmiAccess a = dialer("DIALER1");
        LabCluster.DbAccess db = lab.dbAccess();
        Result r = run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user(), "--secret-env", "S",
                "--jdbc", db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "P"),
                Map.of("S", a.secret(), "P", db.password()), CompletableFuture.completedFuture(null),
                new ByteArrayOutputStream());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("blueline", "nsvoice", "velox"), lines.stream().map(l -> l.split(" ")[1]).toList());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("DIALER1 ")), r.out());
        assertTrue(lines.get(2).matches("DIALER1 velox UNMONITORED - \\d+"), lines.get(2));
    }

    @Test
    void withTheDatabaseADialerIsChosenByNameOrAddressAndAnUnknownOneIsAnError() throws Exception {
        LabCluster.AmiAccess a = dialer("DIALER2");
        LabCluster.DbAccess db = lab.dbAccess();
        Map<String, String> env = Map.of("S", a.secret(), "P", db.password());
        for (String chosen : List.of("DIALER2", "dialer2", a.host())) {
            Result r = run(List.of("status", "--ami", chosen, "--user", a.user(), "--secret-env", "S", "--jdbc",
                    db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "P"), env,
                    CompletableFuture.completedFuture(null), new ByteArrayOutputStream());
            assertEquals(0, r.code(), chosen + ": " + r.err());
            assertEquals("", r.err());
            assertTrue(r.out().lines().allMatch(l -> l.startsWith("DIALER2 ")), r.out());
        }
        for (String unknown : List.of("10.9.9.9", "DIALER9", "x' OR '1'='1", "a;rm -rf /")) {
            Result r = run(List.of("status", "--ami", unknown, "--user", a.user(), "--secret-env", "S", "--jdbc",
                    db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "P"), env,
                    CompletableFuture.completedFuture(null), new ByteArrayOutputStream());
            assertEquals(2, r.code(), unknown + ": " + r.err());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("trunkops status: unknown dialer '" + unknown + "' in --ami; known"
                    + " dialers: DIALER1 (" + dialer("DIALER1").host() + "), DIALER2 (" + a.host() + "), DIALER3 ("),
                    r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void watchPrintsAChangeWhenATrunkDies() throws Exception {
        LabCluster.AmiAccess a = dialer("DIALER3");
        CompletableFuture<Void> stop = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user(), "--secret-env",
                        "S", "--watch"), Map.of("S", a.secret()), stop, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 4 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        lab.faults().killTrunk("orbit-east");
        String change = null;
        while (change == null && System.nanoTime() < deadline) {
            change = out.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(" orbit-east UNREACHABLE")).findFirst().orElse(null);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        lab.faults().restoreTrunk("orbit-east");
        stop.complete(null);
        Result r = running.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.code(), r.err());
        assertTrue(change != null && change.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ " + a.host() + " orbit-east UNREACHABLE -"),
                "change line: " + change + "\nall output:\n" + r.out());
    }

    @Test
    @NeedsSecretService
    void theSecretsCanComeFromTheOsKeyring(@org.junit.jupiter.api.io.TempDir Path keyringDir) throws Exception {
        LabCluster.AmiAccess a = dialer("DIALER1");
        LabCluster.DbAccess db = lab.dbAccess();
        try (PrivateKeyring service = PrivateKeyring.start(keyringDir)) {
            Keyring keyring = new Keyring("secret-tool", service.environment());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertEquals(0, KeyringCommand.run(List.of("keyring", "store", "ami", a.user(), a.host(), "--from-env",
                    "S"), ps, ps, Map.of("S", a.secret())::get, keyring));
            assertEquals(0, KeyringCommand.run(List.of("keyring", "store", "db", db.user(), db.jdbcUrl(),
                    "--from-env", "P"), ps, ps, Map.of("P", db.password())::get, keyring));
            assertEquals(0, KeyringCommand.run(List.of("keyring", "check", "ami", a.user(), a.host()), ps, ps,
                    k -> null, keyring));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("present: ami " + a.user() + "@" + a.host()));
            assertFalse(out.toString(StandardCharsets.UTF_8).contains(a.secret()), "the secret is never printed");

            ByteArrayOutputStream statusOut = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = StatusCommand.run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user(),
                    "--jdbc", db.jdbcUrl(), "--db-user", db.user()), new PrintStream(statusOut, true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), k -> null,
                    CompletableFuture.completedFuture(null), keyring);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(statusOut.toString(StandardCharsets.UTF_8).startsWith("DIALER1 blueline "),
                    statusOut.toString(StandardCharsets.UTF_8));

            assertEquals(0, KeyringCommand.run(List.of("keyring", "forget", "ami", a.user(), a.host()), ps, ps,
                    k -> null, keyring));
            assertEquals(1, KeyringCommand.run(List.of("keyring", "check", "ami", a.user(), a.host()), ps, ps,
                    k -> null, keyring));
            ByteArrayOutputStream missingErr = new ByteArrayOutputStream();
            int missing = StatusCommand.run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user()),
                    ps, new PrintStream(missingErr, true, StandardCharsets.UTF_8), k -> null,
                    CompletableFuture.completedFuture(null), keyring);
            String message = missingErr.toString(StandardCharsets.UTF_8);
            assertEquals(2, missing, message);
            assertTrue(message.contains("no ami " + a.user() + "@" + a.host() + " secret in the OS keyring"), message);
        }
    }

    @Test
    void secretsNeverComeFromTheCommandLineAndBadCredentialsSaySo() throws Exception {
        Result refused = run(List.of("status", "--ami", "h:1", "--user", "u", "--secret", "x"), Map.of(),
                CompletableFuture.completedFuture(null), new ByteArrayOutputStream());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("never go on the command line"), refused.err());
        assertFalse(refused.err().contains(" x"), "the refused secret is not echoed: " + refused.err());
        LabCluster.AmiAccess a = dialer("DIALER2");
        Result r = run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user(), "--secret-env", "S"),
                Map.of("S", "wrong-secret"), CompletableFuture.completedFuture(null), new ByteArrayOutputStream());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("login refused"), r.err());
        assertTrue(!r.err().contains("wrong-secret"), "the secret is never printed");
    }
}
