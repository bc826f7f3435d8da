package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.control.AdminState;
import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditFixtures;
import trunkops.health.AdminNote;

/** The board's who/why from the cluster's audit: the newest applied offline or drain per dialer and peer. */
class AuditNotesTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    private static AuditEntry done(String id, ControlRequest r, Instant at) {
        return AuditEntry.begun(id, at, AuditFixtures.ALICE, r, Map.of())
                .completed(AuditFixtures.mixed(r, "refused"), at.plusSeconds(1));
    }

    @Test
    void theNewestAppliedActionPerDialerAndPeerExplainsTheFlag() {
        ControlRequest first = AuditFixtures.offline("BlueLine", "carrier 503s", "dial1", "dial2");
        ControlRequest later = AuditFixtures.offline("blueline", "still failing", "dial1", "dial2");
        AuditEntry unfinished = AuditEntry.begun("c", T0.plusSeconds(600), AuditFixtures.ALICE,
                AuditFixtures.offline("blueline", "cut short", "dial1"), Map.of());
        Map<String, AdminNote> notes = AuditNotes.notes(List.of(done("b", later, T0.plusSeconds(60)),
                done("a", first, T0), unfinished, done("w", AuditFixtures.weight("US", "blueline", 40), T0)));

        assertEquals(1, notes.size(), "dial1 only: dial2 failed, the weight and the unfinished entry are no notes");
        AdminNote dial1 = notes.values().iterator().next();
        assertEquals("dial1", dial1.serverId());
        assertEquals("still failing", dial1.reason());
        assertEquals(Optional.of("INC-42"), dial1.ticket());
        assertEquals(AuditFixtures.ALICE.who(), dial1.actor());
        assertTrue(dial1.explains(AdminState.OFFLINE, Optional.of(Instant.parse("2026-12-05T09:00:00Z"))));
        assertFalse(dial1.explains(AdminState.OFFLINE, Optional.empty()), "another expiry: another flag");
    }
}
