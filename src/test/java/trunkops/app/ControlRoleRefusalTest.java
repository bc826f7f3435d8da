package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trunkops.control.audit.RolePolicy;

/**
 * The control commands with the composition's journal (the audit): with no role policy installed the person running
 * them is a viewer, and the command refuses before any dialer is contacted (the AMI address here accepts nothing).
 */
class ControlRoleRefusalTest {

    @Test
    void aViewerIsRefusedWithTheReasonAndNothingIsSent() {
        assumeTrue(Files.notExists(RolePolicy.defaultFile()), "this machine has a role policy installed");
        var r = AuditCommandTest.run(Map.of("S", "secret"), "offline", "blueline", "--ami", "127.0.0.1:1",
                "--user", "noc", "--secret-env", "S", "--reason", "carrier 503s");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("is a viewer and may not take a trunk offline: that needs the operator role,"
                + " which an administrator grants in " + RolePolicy.defaultFile()), r.err());
        assertTrue(r.err().trim().endsWith("(nothing sent)"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
