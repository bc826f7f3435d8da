package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A secret written where Asterisk does not take it is warned about without showing it (board, exports, reports). */
class AccountEntrySecretTest {

    @Test
    void aMisplacedOrMisspelledSecretIsNotShownInTheWarning() {
        AccountEntry pj = AccountEntryParser.parse(CarrierProtocol.PJSIP, "[pjtrunk2]\ntype=aor\n"
                + "contact=sip:127.0.0.1:5075\n\n[pjtrunk2]\ntype=endpoint\naors=pjtrunk2\npassword=labsecret\n"
                + "pasword=labsecret2\n\n[pjtrunk2-auth]\ntype=auth\nusername=labuser\npassword=labsecret\n", "");
        String w = pj.warnings().toString();
        assertTrue(w.contains("password=********: not a endpoint option"), w);
        assertTrue(w.contains("pasword=********"), w);
        assertFalse(w.contains("labsecret"), w);
        AccountEntry sip = AccountEntryParser.parse(CarrierProtocol.SIP, "[trunk1]\ntype=peer\nhost=192.0.2.1\n"
                + "secrett=s3cr3t\nusecallerid=yes\n", "");
        String s = sip.warnings().toString();
        assertFalse(s.contains("s3cr3t"), s);
        assertTrue(s.contains("usecallerid=yes"), "other values are still shown: " + s);
    }
}
