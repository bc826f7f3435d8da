package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** chan_pjsip's dial strings: number first, endpoint after {@code @} (fixtures 26-*), beside chan_sip's. */
class DialTargetsPjsipTest {

    @Test
    void theDialStringOfADialBeginNamesItsTrunk() {
        assertEquals("pjtrunk1", DialTargets.peerOfDialString("12125551234@pjtrunk1"), "26-originate-pjsip-healthy");
        assertEquals("pjtrunk2", DialTargets.peerOfDialString("12125551234@pjtrunk2"));
        assertEquals("pjtrunk1", DialTargets.peerOfDialString("pjtrunk1"));
        assertEquals("pjtrunk1", DialTargets.peerOfDialString("12125551234@pjtrunk1/sip:12125551234@127.0.0.1:5074"));
        assertEquals("trunk1", DialTargets.peerOfDialString("trunk1/201"), "chan_sip's DialString");
        assertEquals("", DialTargets.peerOfDialString(" "));
    }

    @Test
    void aPjsipDialInTheDialplanResolvesToItsEndpoint() {
        List<DialTarget> t = DialTargets.ofDialArgs("PJSIP/${EXTEN:1}@pjtrunk1,,tTo", false, GlobalsString.parse(""));
        assertEquals(1, t.size());
        assertEquals("PJSIP", t.get(0).tech());
        assertEquals("pjtrunk1", t.get(0).peer());
        List<DialTarget> g = DialTargets.ofDialArgs("PJSIP/${EXTEN}@${PJTRUNK},,To", false,
                GlobalsString.parse("PJTRUNK = pjtrunk2"));
        assertEquals("pjtrunk2", g.get(0).peer());
    }
}
