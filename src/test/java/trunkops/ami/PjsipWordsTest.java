package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import trunkops.topology.Tech;

/** The PJSIP values as the 2x fixtures show them: µs round trips, N/A and 0 when down, URIs, TechCause. */
class PjsipWordsTest {

    @Test
    void roundTripsAreMicrosecondsAndUnknownWhenDown() {
        PjsipContactInfo up = PjsipContactInfo.of("pjtrunk1", "pjtrunk1", "sip:127.0.0.1:5074", "Reachable", "501983");
        assertEquals(501983, up.rttUsec());
        assertEquals(502, up.rttMs());
        assertEquals(-1, PjsipContactInfo.of("e", "a", "u", "Unreachable", "N/A").rttMs(), "ContactStatusDetail");
        assertEquals(-1, PjsipContactInfo.of("e", "a", "u", "Unreachable", "0").rttMs(), "ContactStatus event");
        assertEquals(0, PjsipContactInfo.of("e", "a", "u", "Reachable", "0").rttMs(), "a reachable 0 is 0 ms");
        assertEquals(-1, PjsipContactInfo.of("e", "a", "u", "Reachable", "nan").rttMs(), "the CLI's word");
        assertEquals(-1, PjsipContactInfo.of("e", "a", "u", "Reachable", "-5").rttMs());
        assertTrue(PjsipContactInfo.of("e", "a", "u", "NonQualified", "N/A").nonQualified());
        assertTrue(PjsipContactInfo.of("e", "a", "u", "Removed", "0").removed());
    }

    @Test
    void registrationServersAreReadFromUrisAndHosts() {
        RegistrationInfo pj = new RegistrationInfo(Tech.PJSIP, "pjtrunk2-reg", "pjtrunk2",
                "sip:labuser@127.0.0.1:5075", "sip:127.0.0.1:5075", "Registered");
        assertEquals("127.0.0.1", pj.serverHost());
        assertEquals(5075, pj.serverPort());
        assertTrue(pj.registered());
        RegistrationInfo sip = new RegistrationInfo(Tech.SIP, "u@sip.Example.com", "", "u", "sip.Example.com",
                "Rejected");
        assertEquals("sip.example.com", sip.serverHost());
        assertEquals(0, sip.serverPort());
        assertFalse(sip.registered());
        assertEquals("2001:db8::1", RegistrationInfo.of(Tech.PJSIP, "sip:[2001:db8::1]:5060;transport=udp")
                .serverHost());
    }

    @Test
    void techCauseIsASipCodeOrNothing() {
        assertEquals(503, AmiEventTranslator.sipCode("503"));
        assertEquals(408, AmiEventTranslator.sipCode(" 408 "));
        assertEquals(-1, AmiEventTranslator.sipCode(null));
        assertEquals(-1, AmiEventTranslator.sipCode("0"));
        assertEquals(-1, AmiEventTranslator.sipCode("abc"));
        assertEquals(-1, AmiEventTranslator.sipCode("999"));
    }
}
