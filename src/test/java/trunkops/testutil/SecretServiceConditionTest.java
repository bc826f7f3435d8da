package trunkops.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The keyring tests: skipped with a reason on a bare developer machine, never skipped in CI. */
class SecretServiceConditionTest {

    private static final List<SecretServiceCondition.Program> NO_GNOME_KEYRING =
            SecretServiceCondition.missing(Set.of("dbus-daemon", "dbus-send", "secret-tool")::contains);

    @Test
    void aMachineWithoutTheDaemonSkipsWithTheReasonAndThePackages() {
        ConditionEvaluationResult r = SecretServiceCondition.decide(NO_GNOME_KEYRING, null);
        assertTrue(r.isDisabled());
        String reason = r.getReason().orElseThrow();
        assertTrue(reason.startsWith("no gnome-keyring-daemon on PATH, and CI is not set"), reason);
        assertTrue(reason.contains("apt-get install --no-install-recommends gnome-keyring "), reason);
        assertTrue(SecretServiceCondition.decide(NO_GNOME_KEYRING, "").isDisabled());
        assertTrue(SecretServiceCondition.decide(NO_GNOME_KEYRING, "false").isDisabled());
    }

    @Test
    void ciRunsThemEvenWhenTheDaemonIsMissingSoTheyFailThere() {
        assertFalse(SecretServiceCondition.decide(NO_GNOME_KEYRING, "true").isDisabled());
        assertFalse(SecretServiceCondition.decide(NO_GNOME_KEYRING, "1").isDisabled());
    }

    @Test
    void aMachineWithEverythingRunsThem() {
        assertFalse(SecretServiceCondition.decide(List.of(), null).isDisabled());
    }

    @Test
    void everyMissingProgramIsNamedWithItsPackageOnce() {
        List<SecretServiceCondition.Program> none = SecretServiceCondition.missing(p -> false);
        assertEquals("dbus-daemon, dbus-send, gnome-keyring-daemon, secret-tool", SecretServiceCondition.names(none));
        assertEquals("dbus gnome-keyring libsecret-tools", SecretServiceCondition.packages(none));
    }
}
