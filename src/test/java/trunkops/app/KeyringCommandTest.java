package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.secrets.Keyring;

/**
 * {@code keyring store|check|forget} through the command line, against a stand-in for {@code secret-tool} that
 * keeps items in files (the real Secret Service is exercised by KeyringTest where a keyring daemon exists).
 */
class KeyringCommandTest {

    private static final String FAKE_TOOL = """
            #!/bin/sh
            verb=$1; shift
            [ "$verb" = store ] && shift
            key=$(printf '%s' "$*" | md5sum | cut -d' ' -f1)
            case $verb in
              store) cat > "$FAKE_KEYRING_DIR/$key" ;;
              lookup) [ -f "$FAKE_KEYRING_DIR/$key" ] && cat "$FAKE_KEYRING_DIR/$key" || exit 1 ;;
              clear) rm -f "$FAKE_KEYRING_DIR/$key" ;;
            esac
            """;

    private record Run(int code, String out, String err) {
    }

    private static Run run(Keyring keyring, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KeyringCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get, keyring);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void storeCheckForgetThroughTheCommandLine(@TempDir Path dir) throws Exception {
        Path tool = dir.resolve("secret-tool");
        Files.writeString(tool, FAKE_TOOL);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Keyring keyring = new Keyring(tool.toString(), Map.of("FAKE_KEYRING_DIR", dir.toString()));
        Map<String, String> env = Map.of("S", "s3cret-value");

        Run stored = run(keyring, env, "keyring", "store", "ami", "noc", "10.0.0.11", "--from-env", "S");
        assertEquals(new Run(0, "stored: ami noc@10.0.0.11\n", ""), stored);
        assertEquals(new Run(0, "present: ami noc@10.0.0.11\n", ""), run(keyring, env, "keyring", "check", "ami",
                "noc", "10.0.0.11"));
        assertEquals(new Run(1, "absent: db noc@10.0.0.11\n", ""), run(keyring, env, "keyring", "check", "db",
                "noc", "10.0.0.11"));
        assertEquals(new Run(0, "forgotten: ami noc@10.0.0.11\n", ""), run(keyring, env, "keyring", "forget", "ami",
                "noc", "10.0.0.11"));
        assertEquals(1, run(keyring, env, "keyring", "check", "ami", "noc", "10.0.0.11").code());

        Run missingVar = run(keyring, Map.of(), "keyring", "store", "db", "ro", "jdbc:mariadb://h/db", "--from-env",
                "NOPE");
        assertEquals(2, missingVar.code());
        assertEquals("trunkops keyring store: environment variable NOPE is not set\n", missingVar.err());
        Run tooMany = run(keyring, env, "keyring", "check", "ami", "noc", "h", "extra");
        assertEquals(2, tooMany.code());
        assertEquals(1, tooMany.err().lines().count(), tooMany.err());
        assertFalse((stored.out() + stored.err()).contains("s3cret-value"), "the secret is never printed");

        Run urlWithPassword = run(keyring, env, "keyring", "store", "db", "ro",
                "jdbc:mariadb://h/db?password=Hunter2x9", "--from-env", "S");
        assertEquals(2, urlWithPassword.code(), urlWithPassword.err());
        assertEquals(1, urlWithPassword.err().lines().count(), urlWithPassword.err());
        assertFalse(urlWithPassword.err().contains("Hunter2x9"), urlWithPassword.err());
        assertEquals(1, run(keyring, env, "keyring", "check", "db", "ro", "jdbc:mariadb://h/db").code(),
                "nothing was stored under a URL carrying a password");
    }
}
