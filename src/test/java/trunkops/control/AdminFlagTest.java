package trunkops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AdminFlagTest {

    private static final Instant T = Instant.ofEpochSecond(1_796_000_000L);

    @Test
    void valuesAreWhatTheGeneratedDialplanCompares() {
        assertEquals(Optional.of("offline:0"), new AdminFlag(AdminState.OFFLINE, Optional.empty()).value());
        assertEquals(Optional.of("drain:1796000000"), new AdminFlag(AdminState.DRAIN, Optional.of(T)).value());
        assertEquals(Optional.empty(), AdminFlag.IN_SERVICE.value());
        assertEquals("admin/blueline", AdminFlag.key("blueline"));
    }

    @Test
    void parsingRoundTripsAndAnythingElseIsInService() {
        for (AdminFlag f : new AdminFlag[] {new AdminFlag(AdminState.OFFLINE, Optional.of(T)),
                new AdminFlag(AdminState.DRAIN, Optional.empty())}) {
            assertEquals(f, AdminFlag.parse(f.value().orElseThrow()));
        }
        for (String v : new String[] {null, "", "OFF", "offline", "offline:", "offline:-1", "offline:01",
                "offline:12abc", "drain:1 ", "paused:0"}) {
            assertEquals(AdminFlag.IN_SERVICE, AdminFlag.parse(v), String.valueOf(v));
        }
    }

    @Test
    void anExpiredFlagCountsAsInService() {
        AdminFlag f = new AdminFlag(AdminState.OFFLINE, Optional.of(T));
        assertEquals(AdminState.OFFLINE, f.effectiveAt(T.minusSeconds(1)));
        assertEquals(AdminState.IN_SERVICE, f.effectiveAt(T));
        assertEquals(AdminState.DRAIN, new AdminFlag(AdminState.DRAIN, Optional.empty()).effectiveAt(T));
        assertThrows(IllegalArgumentException.class, () -> new AdminFlag(AdminState.IN_SERVICE, Optional.of(T)));
    }
}
