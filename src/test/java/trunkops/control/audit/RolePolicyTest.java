package trunkops.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlVerb;

/** The role policy file: who may do what, refusals that say why, and a file that cannot be trusted. */
class RolePolicyTest {

    @TempDir
    Path dir;

    private Path policy(String text) throws Exception {
        Path f = dir.resolve("roles.conf");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        return f;
    }

    @Test
    void rolesFromTheFileAllowAndRefuseWithAMessageNamingWhoAndWhatIsNeeded() throws Exception {
        RolePolicy p = RolePolicy.load(policy("# NOC\nalice operator\nBob engineer # lead\n\ncarol viewer\n"));
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        Identity alice = p.identify("alice", "noc-3");
        Identity bob = p.identify("bob", "noc-1");
        Identity carol = p.identify("carol", "noc-2");
        assertEquals(Role.OPERATOR, alice.role());
        assertEquals(Role.ENGINEER, bob.role(), "user names compare ignoring case");
        for (ControlVerb v : ControlVerb.values()) {
            // ViciDial's own levers change ViciDial's configuration: engineers only
            boolean lever = trunkops.control.audit.AuditEntry.lever(v);
            assertEquals(!lever, p.check(alice, v).allowed(), v.name());
            assertTrue(p.check(bob, v).allowed(), v.name());
            assertFalse(p.check(carol, v).allowed(), v.name());
        }
        assertTrue(p.check(alice, RolePolicy.Action.MAINTENANCE_WINDOW).allowed());
        RolePolicy.Decision push = p.check(alice, RolePolicy.Action.ROUTE_PUSH);
        assertFalse(push.allowed());
        assertEquals("alice@noc-3 is an operator and may not push a route to the dialers: that needs the engineer"
                + " role, which an administrator grants in " + dir.resolve("roles.conf"), push.message());
        assertTrue(p.check(bob, RolePolicy.Action.ROUTE_EDIT).allowed());
        RolePolicy.Decision off = p.check(carol, ControlVerb.OFFLINE);
        assertTrue(off.message().startsWith("carol@noc-2 is a viewer and may not take a trunk offline: that needs"
                + " the operator role"), off.message());
    }

    @Test
    void anUnknownUserIsAViewerUnlessStarSaysOtherwise() throws Exception {
        RolePolicy p = RolePolicy.load(policy("alice engineer\n"));
        assertEquals(Role.VIEWER, p.roleOf("mallory"));
        assertFalse(p.check(p.identify("mallory", "h"), ControlVerb.ONLINE).allowed());
        RolePolicy star = RolePolicy.load(policy("* operator\nguest viewer\n"));
        assertEquals(Role.OPERATOR, star.roleOf("anyone"));
        assertEquals(Role.VIEWER, star.roleOf("guest"));
    }

    @Test
    void badLinesAreReportedAndGiveNothing() throws Exception {
        RolePolicy p = RolePolicy.load(policy("alice admin\nbob\nalice operator\nalice engineer\n"));
        assertEquals(Role.ENGINEER, p.roleOf("alice"));
        assertEquals(Role.VIEWER, p.roleOf("bob"));
        assertEquals(3, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().get(0).contains("line 1 ignored"), p.problems().get(0));
        assertTrue(p.problems().get(2).contains("listed twice"), p.problems().get(2));
    }

    @Test
    void aMissingOrGroupWritableFileMakesEveryoneAViewer() throws Exception {
        RolePolicy missing = RolePolicy.load(dir.resolve("nope.conf"));
        assertEquals(Role.VIEWER, missing.roleOf("alice"));
        assertTrue(missing.problems().get(0).startsWith("no role policy at"), missing.problems().toString());
        Path f = policy("alice engineer\n* engineer\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        RolePolicy loose = RolePolicy.load(f);
        assertEquals(Role.VIEWER, loose.roleOf("alice"));
        assertTrue(loose.problems().get(0).contains("writable by group or others"), loose.problems().toString());
    }

    @Test
    void parseTakesTheSameFormat() {
        RolePolicy p = RolePolicy.parse(List.of("dave OPERATOR"), "test", List.of());
        assertEquals(Role.OPERATOR, p.roleOf("DAVE"));
        assertEquals("dave@x (operator)", p.identify("dave", "x").display());
    }
}
