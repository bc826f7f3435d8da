package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import trunkops.db.CarrierLogRow;

/** Attribution of single rows, each case written out by hand against {@link TestTopology}. */
class CarrierAttributorTest {

    private final CarrierAttributor attributor = new CarrierAttributor(TestTopology.build());

    private Attribution auto(String server, String dial) {
        return attributor.attribute(TestTopology.autoDial(server, dial, "ANSWER"));
    }

    @Test
    void autoDialRowsAreAttributedFromTheirLocalChannelWithAsteriskPrecedence() {
        Attribution a = auto(TestTopology.D1, "912025550143");
        assertEquals("NSVOICE", a.carrierId());
        assertEquals(Attribution.Source.LOCAL_CHANNEL, a.source());
        assertEquals("912025550143", a.dialString());
        assertTrue(a.attributed());
        // overlapping patterns: _91800NXXXXXX is more specific than _91NXXNXXXXXX, as Asterisk sorts them
        assertEquals("TOLLFREE", auto(TestTopology.D1, "918005550143").carrierId());
        assertEquals("BLUELINE", auto(TestTopology.D2, "812025550143").carrierId());
    }

    @Test
    void carriersOnlyCountWhereTheyAreGeneratedAndInactiveOnesNowhere() {
        assertEquals("ORBIT", auto(TestTopology.D2, "712025550143").carrierId());
        Attribution d1 = auto(TestTopology.D1, "712025550143");
        assertEquals(Attribution.UNATTRIBUTED, d1.carrierId(), "ORBIT's server_ip is D2 only");
        assertEquals(Attribution.Problem.NO_MATCHING_PATTERN, d1.problem());
        assertEquals("712025550143", d1.dialString(), "the unattributed row keeps what was tried");
        assertEquals(Attribution.Problem.NO_MATCHING_PATTERN, auto(TestTopology.D1, "6123456").problem(),
                "an inactive carrier's patterns are not live");
    }

    @Test
    void rowsOfServersThatDoNotDialAreUnattributed() {
        assertEquals(Attribution.Problem.UNKNOWN_SERVER, auto("192.0.2.50", "912025550143").problem());
        assertEquals(Attribution.Problem.UNKNOWN_SERVER, auto("198.51.100.1", "912025550143").problem());
        assertEquals(Attribution.Problem.UNKNOWN_SERVER, attributor.attribute(TestTopology.row(null, "ANSWER",
                null, "1.1", CarrierLogRow.Details.NOT_LOOKED_UP)).problem());
    }

    @Test
    void onlyRowsWithoutADialStringInTheirChannelNeedTheCallLog() {
        assertFalse(attributor.needsDetails(TestTopology.autoDial(TestTopology.D1, "912025550143", "ANSWER")));
        assertTrue(attributor.needsDetails(TestTopology.row(TestTopology.D1, "ANSWER",
                "Local/8600051@default-00000001;1", "1.1", CarrierLogRow.Details.NOT_LOOKED_UP)), "manual ;1 half");
        assertTrue(attributor.needsDetails(TestTopology.row(TestTopology.D1, "ANSWER", "SIP/cc100-00000002", "1.2",
                CarrierLogRow.Details.NOT_LOOKED_UP)));
        assertTrue(attributor.needsDetails(TestTopology.row(TestTopology.D1, "ANSWER", null, "1.3",
                CarrierLogRow.Details.NOT_LOOKED_UP)));
        assertTrue(attributor.needsDetails(TestTopology.row(TestTopology.D1, "ANSWER", "Local/@default;2", "1.4",
                CarrierLogRow.Details.NOT_LOOKED_UP)), "a Local ;2 channel naming no extension");
    }

    @Test
    void manualDialsUseTheCallLogThenTheDialLog() {
        String conf = "Local/8600051@default-00000001;1";
        CarrierLogRow.Details viaCallLog = new CarrierLogRow.Details("M1126101530000000123", true, "812025550143",
                null);
        Attribution a = attributor.attribute(TestTopology.row(TestTopology.D1, "ANSWER", conf, "1.5", viaCallLog));
        assertEquals("BLUELINE", a.carrierId());
        assertEquals(Attribution.Source.CALL_LOG, a.source());
        assertEquals("MANUAL|RENEW|SALES", a.campaign(), "manual dials use manual_dial_prefix: MANUAL's 8, RENEW's"
                + " empty one (= its dial_prefix 8) and SALES' list override 8 all fit");

        // call_log holds the agent phone's name when a SIP phone ran the extension (FastAGI_log.pl rewrites it)
        CarrierLogRow.Details phone = new CarrierLogRow.Details("M1126101530000000124", true, "cc100", null);
        CarrierLogRow phoneRow = TestTopology.row(TestTopology.D1, "ANSWER", conf, "1.6", phone);
        assertTrue(attributor.needsDialLog(phoneRow));
        Attribution viaDialLog = attributor.attribute(phoneRow.withDetails(phone.withDialLog("912025550143")));
        assertEquals("NSVOICE", viaDialLog.carrierId());
        assertEquals(Attribution.Source.DIAL_LOG, viaDialLog.source());

        CarrierLogRow.Details noCallLog = new CarrierLogRow.Details("M1126101530000000125", false, null,
                "918005550143");
        assertEquals("TOLLFREE", attributor.attribute(TestTopology.row(TestTopology.D2, "BUSY", conf, "1.7",
                noCallLog)).carrierId());
    }

    @Test
    void theDialLogIsNeverUsedForAutoDials() {
        // an auto-dial's dial-log extension is the VDAD exten (138368): useless and never consulted
        CarrierLogRow.Details auto = new CarrierLogRow.Details("V1126101530000000126", false, null, "138368");
        CarrierLogRow row = TestTopology.row(TestTopology.D1, "CANCEL", "SIP/nsvoice-00000003", "1.8", auto);
        assertFalse(attributor.needsDialLog(row));
        Attribution a = attributor.attribute(row);
        assertEquals(Attribution.UNATTRIBUTED, a.carrierId());
        assertEquals(Attribution.Problem.NO_DIAL_STRING, a.problem());
        assertNull(a.dialString());
        assertEquals(Attribution.NO_CAMPAIGN, a.campaign());
    }

    @Test
    void aCallLogExtensionMatchingNothingStaysUnattributedWithWhatWasTried() {
        CarrierLogRow.Details d = new CarrierLogRow.Details("V1126101530000000127", true, "5551234", null);
        Attribution a = attributor.attribute(TestTopology.row(TestTopology.D1, "ANSWER", "SIP/x-1", "1.9", d));
        assertEquals(Attribution.Problem.NO_MATCHING_PATTERN, a.problem());
        assertEquals(Attribution.Source.CALL_LOG, a.source());
        assertEquals("5551234", a.dialString());
    }

    @Test
    void campaignsComeFromPrefixesAndAmbiguityIsShownNotGuessed() {
        assertEquals("SALES", auto(TestTopology.D1, "912025550143").campaign(), "WINBACK shares 9 but is paused");
        assertEquals("RENEW|SALES", auto(TestTopology.D1, "812025550143").campaign(),
                "SALES' list 11 overrides its prefix with RENEW's 8");
        assertEquals("SURVEY", auto(TestTopology.D2, "712025550143").campaign());
        assertEquals("SALES", auto(TestTopology.D1, "918005550143").campaign(), "toll-free numbers still start 91");
    }

    @Test
    void theLocalChannelParserTakesTheExtensionOfTheSecondHalfOnly() {
        assertEquals("912025550143", CarrierAttributor.localDialString("Local/912025550143@default-0000abcd;2"));
        assertEquals("9*55", CarrierAttributor.localDialString("Local/9*55@vicidial-auto-0000abcd;2"));
        assertNull(CarrierAttributor.localDialString("Local/912025550143@default-0000abcd;1"));
        assertNull(CarrierAttributor.localDialString("SIP/nsvoice-0000abcd"));
        assertNull(CarrierAttributor.localDialString(null));
    }

    @Test
    void onlyWhatAttributionReadsChangesTheFingerprint() {
        Object base = CarrierAttributor.fingerprint(TestTopology.build());
        assertEquals(base, CarrierAttributor.fingerprint(TestTopology.build()));
        // renamed carriers with other peer options, campaigns with another name and dial timeout: same attribution
        Object cosmetic = CarrierAttributor.fingerprint(TestTopology.build(
                cs -> cs.stream().map(c -> new trunkops.topology.CarrierRow(c.carrierId(), c.carrierName() + " (new)",
                        "edited", c.protocol(), c.serverIp(), c.active(), c.registrationString(), c.globalsString(),
                        c.accountEntry().replace("qualify=yes", "qualify=2000"), c.dialplanEntry(),
                        c.templateContents())).toList(),
                ks -> ks.stream().map(k -> new trunkops.topology.CampaignRow(k.campaignId(), "renamed", k.active(),
                        k.dialPrefix(), k.manualDialPrefix(), k.omitPhoneCode(), k.dialTimeout() + 10)).toList()));
        assertEquals(base, cosmetic);
        Object pattern = CarrierAttributor.fingerprint(TestTopology.build(
                cs -> cs.stream().map(c -> c.carrierId().equals("BLUELINE") ? TestTopology.carrier("BLUELINE",
                        "0.0.0.0", "blueline", "_81NXXNXXXX.", true) : c).toList(),
                java.util.function.UnaryOperator.identity()));
        assertFalse(base.equals(pattern), "a dial pattern changed");
        Object prefix = CarrierAttributor.fingerprint(TestTopology.build(java.util.function.UnaryOperator.identity(),
                ks -> ks.stream().map(k -> k.campaignId().equals("SURVEY") ? new trunkops.topology.CampaignRow(
                        k.campaignId(), k.campaignName(), k.active(), "9", k.manualDialPrefix(), k.omitPhoneCode(),
                        k.dialTimeout()) : k).toList()));
        assertFalse(base.equals(prefix), "a campaign's dial prefix changed");
        Object inactive = CarrierAttributor.fingerprint(TestTopology.build(
                cs -> cs.stream().map(c -> c.carrierId().equals("ORBIT") ? TestTopology.carrier("ORBIT",
                        TestTopology.D2, "orbit-east", "_71NXXNXXXXXX", false) : c).toList(),
                java.util.function.UnaryOperator.identity()));
        assertFalse(base.equals(inactive), "a carrier switched off");
    }
}
