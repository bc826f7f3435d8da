package trunkops.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.testutil.NeedsSecretService;
import trunkops.testutil.PrivateKeyring;

/** The keyring against a real, private GNOME Keyring on its own D-Bus (never the user's keyring). */
@NeedsSecretService
class KeyringTest {

    @TempDir
    static Path dir;
    private static PrivateKeyring service;
    private static Keyring keyring;

    @BeforeAll
    static void start() throws Exception {
        service = PrivateKeyring.start(dir);
        keyring = new Keyring("secret-tool", service.environment());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void storesLooksUpReplacesAndForgets() throws Exception {
        Keyring.Entry e = new Keyring.Entry(Keyring.Kind.AMI, "cron", "10.0.0.5");
        assertEquals(Optional.empty(), keyring.lookup(e).map(String::new));
        char[] secret = "pä$$ w0rd;\"'`$(reboot)".toCharArray();
        keyring.store(e, secret);
        assertArrayEquals(secret, keyring.lookup(e).orElseThrow(), "round trip, unicode and shell characters intact");
        keyring.store(e, "second".toCharArray());
        assertEquals("second", new String(keyring.lookup(e).orElseThrow()));
        assertTrue(keyring.forget(e));
        assertFalse(keyring.forget(e));
        assertTrue(keyring.lookup(e).isEmpty());
        assertTrue(keyring.unavailableReason().isEmpty());
    }

    @Test
    void entriesAreSeparatedByKindUserAndTarget() throws Exception {
        Keyring.Entry ami = new Keyring.Entry(Keyring.Kind.AMI, "cron", "dialer1");
        Keyring.Entry db = new Keyring.Entry(Keyring.Kind.DB, "cron", "dialer1");
        Keyring.Entry other = new Keyring.Entry(Keyring.Kind.AMI, "cron", "dialer2");
        keyring.store(ami, "a".toCharArray());
        keyring.store(db, "b".toCharArray());
        assertEquals("a", new String(keyring.lookup(ami).orElseThrow()));
        assertEquals("b", new String(keyring.lookup(db).orElseThrow()));
        assertTrue(keyring.lookup(other).isEmpty());
    }

    @Test
    void anUnreachableKeyringIsAClearErrorNotAnEmptySecret() {
        Keyring noBus = new Keyring("secret-tool", Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + dir.resolve("no-such-bus"), "DISPLAY", ""));
        KeyringException ex = assertThrows(KeyringException.class,
                () -> noBus.lookup(new Keyring.Entry(Keyring.Kind.AMI, "cron", "x")));
        assertTrue(ex.getMessage().startsWith("the OS keyring is not available"), ex.getMessage());
        Keyring noTool = new Keyring("no-such-secret-tool", Map.of());
        assertTrue(noTool.unavailableReason().orElseThrow().contains("libsecret-tools"));
    }

    @Test
    void controlCharactersAndEmptyNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Keyring.Entry(Keyring.Kind.AMI, "cron\n", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Keyring.Entry(Keyring.Kind.DB, "cron", " "));
        assertThrows(IllegalArgumentException.class, () -> Keyring.Kind.of("sip"));
        assertThrows(IllegalArgumentException.class,
                () -> keyring.store(new Keyring.Entry(Keyring.Kind.AMI, "u", "t"), new char[0]));
    }
}
