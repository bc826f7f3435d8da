package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.topology.Tech;

/** Which peer of which technology a PeerStatus names (headers as in fixtures 04-* and 24-*). */
class PeerNameTest {

    @Test
    void chanSipAndPjsipStatusesNameTheirTechnology() {
        assertEquals(Optional.of(new PeerName(Tech.SIP, "trunk2")), PeerName.parse("SIP/trunk2", "SIP").peer());
        assertEquals(Optional.of(new PeerName(Tech.PJSIP, "pjtrunk2")),
                PeerName.parse("PJSIP/pjtrunk2", "PJSIP").peer());
        assertEquals(Optional.of(new PeerName(Tech.IAX2, "v1")), PeerName.parse("IAX2/v1", null).peer());
    }

    @Test
    void aPeerWithoutTechnologyOrWithContradictingHeadersIsRefused() {
        assertNotNull(PeerName.parse("v1", "SIP").problem());
        assertNotNull(PeerName.parse("v1", null).problem());
        assertNotNull(PeerName.parse("SIP/v1", "IAX2").problem());
        assertNotNull(PeerName.parse("SIP/", "SIP").problem());
        assertNotNull(PeerName.parse(null, null).problem());
    }

    @Test
    void otherTechnologiesAreNotTrunksButNotErrors() {
        PeerName.Parsed p = PeerName.parse("Local/100@default", "Local");
        assertTrue(p.peer().isEmpty());
        assertNull(p.problem());
    }
}
