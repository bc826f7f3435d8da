package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.topology.ParseWarning.Severity;

class AccountEntryParserTest {

    private static AccountEntry sip(String text) {
        return AccountEntryParser.parse(CarrierProtocol.SIP, text, "");
    }

    private static boolean warned(AccountEntry a, Severity severity, String fragment) {
        return a.warnings().stream().anyMatch(w -> w.severity() == severity && w.message().contains(fragment));
    }

    private static List<ParseWarning> seriousWarnings(AccountEntry a) {
        return a.warnings().stream().filter(w -> w.severity() != Severity.INFO).toList();
    }

    @Test
    void stockSipExamplePeerIsNamedAfterItsSectionNotTheCarrier() {
        CarrierRow row = StockRows.carrier("SIPExample");
        AccountEntry a = AccountEntryParser.parse(row);
        assertEquals(1, a.peers().size());
        Peer p = a.peers().get(0);
        assertEquals("ExampleSIP", p.name());
        assertEquals(Tech.SIP, p.tech());
        assertEquals("peer", p.kind());
        assertEquals(List.of(new HostPort("10.10.10.15", 5060)), p.addresses());
        assertEquals(new QualifySettings(QualifySettings.Mode.ON, 2000, Duration.ofSeconds(60), Duration.ofMillis(4000)),
                p.qualify());
        assertEquals("trunkinbound", a.sections().get(0).settings().get("context"), "spaces around = are trimmed");
        assertTrue(warned(a, Severity.WARNING, "usecallerid=yes: not a chan_sip peer option"),
                "ViciDial's own example uses usecallerid, which chan_sip does not parse: " + a.warnings());
        assertEquals(1, seriousWarnings(a).size(), a.warnings().toString());
    }

    @Test
    void stockPjsipExampleEndpointWithItsAor() {
        AccountEntry a = AccountEntryParser.parse(StockRows.carrier("PJSIPExample"));
        assertEquals(3, a.sections("ExamplePJSIP").size(), "aor, identify and endpoint share one name");
        assertEquals(1, a.peers().size());
        Peer p = a.peers().get(0);
        assertEquals("ExamplePJSIP", p.name());
        assertEquals(Tech.PJSIP, p.tech());
        assertEquals("endpoint", p.kind());
        assertEquals(List.of("ExamplePJSIP"), p.aors());
        assertEquals(List.of(new HostPort("10.10.10.15", 5060)), p.addresses());
        assertEquals(QualifySettings.Mode.ON, p.qualify().mode());
        assertEquals(Duration.ofSeconds(15), p.qualify().frequency());
        assertEquals(Duration.ofMillis(3000), p.qualify().timeout(), "qualify_timeout defaults to 3.0 s");
        ConfigSection endpoint = a.sections("ExamplePJSIP").get(2);
        assertEquals("auto", endpoint.settings().get("dtmf_mode"), "dtmf_mode is written twice; the last wins");
        assertEquals(List.of("all"), endpoint.lists().get("disallow"));
        assertEquals(List.of(), seriousWarnings(a));
    }

    @Test
    void stockPjsipWizardIsNamedAfterItsSection() {
        AccountEntry a = AccountEntryParser.parse(StockRows.carrier("PJSIPWIZExample"));
        assertEquals(1, a.peers().size());
        Peer p = a.peers().get(0);
        assertEquals("ExamplePJSIPWIZ", p.name());
        assertEquals("wizard", p.kind());
        assertEquals(List.of(new HostPort("10.10.10.15", 5060)), p.addresses());
        assertEquals(Duration.ofSeconds(15), p.qualify().frequency());
        assertEquals(List.of(), seriousWarnings(a));
    }

    @Test
    void stockOldExamplesAreDynamicFriends() {
        AccountEntry sipOld = AccountEntryParser.parse(StockRows.carrier("OLD_SIPEXAMPLE"));
        Peer p = sipOld.peers().get(0);
        assertEquals("testcarrier", p.name());
        assertEquals("friend", p.kind());
        assertTrue(p.addresses().get(0).isDynamic());
        assertEquals(0, p.port(), "a dynamic peer's port is only known once it registers");
        assertEquals(QualifySettings.Mode.GENERAL_DEFAULT, p.qualify().mode(), "no qualify line");
        assertTrue(warned(sipOld, Severity.INFO, "deprecated in chan_sip, use defaultuser"));

        AccountEntry iaxOld = AccountEntryParser.parse(StockRows.carrier("OLD_IAXEXAMPLE"));
        Peer iax = iaxOld.peers().get(0);
        assertEquals(Tech.IAX2, iax.tech());
        assertEquals("testcarrier", iax.name());
        assertFalse(iax.qualify().enabled(), "chan_iax2 has no [general] qualify default");
        assertEquals(List.of(), seriousWarnings(iaxOld), "accountcode is a chan_iax2 option");
    }

    @Test
    void templateContentsLandInTheLastSection() {
        String account = "[trunka]\ntype=peer\nhost=192.0.2.1\n\n[trunkb]\ntype=peer\nhost=192.0.2.2";
        AccountEntry a = AccountEntryParser.parse(CarrierProtocol.SIP, account, StockRows.template("SIP_generic"));
        assertEquals("192.0.2.1", a.peer("trunka").orElseThrow().host());
        Peer b = a.peer("trunkb").orElseThrow();
        assertEquals("dynamic", b.host(), "SIP_generic's host=dynamic overrides the carrier's host");
        assertEquals("friend", b.kind());
        assertEquals(9, a.sections().get(1).lineOf("host"), "template lines are numbered after the account_entry");
    }

    @Test
    void templatesAndInheritance() {
        AccountEntry a = sip("""
                [carrier-defaults](!)
                type=peer
                qualify=yes
                qualifyfreq=20
                allow=ulaw
                [east](carrier-defaults)
                host=192.0.2.30
                qualifyfreq=10
                allow=alaw
                """);
        assertEquals(List.of("east"), a.peers().stream().map(Peer::name).toList(), "a (!) template is no peer");
        ConfigSection east = a.sections().get(1);
        assertEquals(List.of("carrier-defaults"), east.inheritsFrom());
        assertEquals("10", east.settings().get("qualifyfreq"), "own value overrides the template's");
        assertEquals(List.of("ulaw", "alaw"), east.lists().get("allow"));
        assertTrue(east.entries().get(0).inherited());
        assertEquals(Duration.ofSeconds(10), a.peers().get(0).qualify().frequency());
    }

    @Test
    void missingTemplateIsAnError() {
        AccountEntry a = sip("[east](nosuch)\ntype=peer\nhost=192.0.2.30");
        assertTrue(warned(a, Severity.ERROR, "inherits from 'nosuch'"), a.warnings().toString());
        assertEquals(1, a.peers().size(), "never fatal: the section is still read");
    }

    @Test
    void bogusChanSipOptionsAreFlaggedNotFatal() {
        AccountEntry a = sip("""
                [trunk1]
                type=peer
                host=192.0.2.10
                qualify=yes
                qualifysmoothing=yes
                maxretries=3
                retryinterval=5
                fromhost=carrier.example
                """);
        assertEquals(1, a.peers().size());
        Peer p = a.peers().get(0);
        assertEquals(4, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().stream().allMatch(w -> w.severity() == Severity.WARNING));
        assertTrue(warned(a, Severity.WARNING, "qualifysmoothing=yes: not a chan_sip peer option, silently ignored"
                + " - it is a chan_iax2 option"));
        assertTrue(warned(a, Severity.WARNING, "fromhost=carrier.example: not a chan_sip peer option"));
        assertEquals(8, p.warnings().stream().filter(w -> w.message().contains("fromhost")).findFirst()
                .orElseThrow().line());
        assertTrue(p.qualify().enabled());
    }

    @Test
    void qualifyValuesAsChanSipReadsThem() {
        AccountEntry a = sip("""
                [yes]
                type=peer
                host=192.0.2.1
                qualify=yes
                [no]
                type=peer
                host=192.0.2.2
                qualify=no
                [ms]
                type=peer
                host=192.0.2.3
                qualify=250
                qualifyfreq=15
                [zero]
                type=peer
                host=192.0.2.4
                qualify=0
                [junk]
                type=peer
                host=192.0.2.5
                qualify=often
                """);
        assertEquals(2000, a.peer("yes").orElseThrow().qualify().maxMs());
        assertEquals(QualifySettings.Mode.OFF, a.peer("no").orElseThrow().qualify().mode());
        QualifySettings ms = a.peer("ms").orElseThrow().qualify();
        assertEquals(new QualifySettings(QualifySettings.Mode.ON, 250, Duration.ofSeconds(15), Duration.ofMillis(500)), ms);
        assertFalse(a.peer("zero").orElseThrow().qualify().enabled());
        assertFalse(a.peer("junk").orElseThrow().qualify().enabled());
        assertTrue(warned(a, Severity.WARNING, "qualify=often should be yes, no or milliseconds"));
    }

    @Test
    void userOnlySectionsAndUntypedSectionsAreNotPeers() {
        AccountEntry a = sip("[inbound]\ntype=user\ncontext=trunkinbound\n[untyped]\nhost=192.0.2.9\n"
                + "[both]\ntype=user\ntype=peer\nhost=192.0.2.8");
        assertEquals(List.of("both"), a.peers().stream().map(Peer::name).toList(), "type lines accumulate");
        assertTrue(warned(a, Severity.INFO, "[inbound] is type=user only"));
        assertTrue(warned(a, Severity.WARNING, "[untyped] has no type= line"));
    }

    @Test
    void sipPeerNamesAreCaseInsensitiveIaxNamesAreNot() {
        assertTrue(sip("[NSVoice]\ntype=peer\nhost=192.0.2.1").peer("nsvoice").isPresent());
        AccountEntry iax = AccountEntryParser.parse(CarrierProtocol.IAX2, "[Loop]\ntype=peer\nhost=192.0.2.1", "");
        assertTrue(iax.peer("Loop").isPresent());
        assertFalse(iax.peer("loop").isPresent());
    }

    @Test
    void crlfCommentsAndBlankLinesReadLikeLf() {
        String lf = "; carrier A\n[trunk1]  ; the peer\ntype=peer\n\nhost = 192.0.2.10\n;-- block\nhost=192.0.2.99\n--;\n"
                + "description=a\\;b\nqualify=yes\n";
        AccountEntry a = sip(lf);
        AccountEntry b = sip(lf.replace("\n", "\r\n"));
        assertEquals(a, b);
        Peer p = a.peers().get(0);
        assertEquals("192.0.2.10", p.host(), "the block comment hides the second host");
        assertEquals("a;b", a.sections().get(0).settings().get("description"));
        assertEquals(List.of(), seriousWarnings(a));
    }

    @Test
    void emptyAndNullEntries() {
        for (String text : new String[] {null, "", "  \n\r\n ; only a comment\n"}) {
            AccountEntry a = AccountEntryParser.parse(CarrierProtocol.SIP, text, null);
            assertEquals(List.of(), a.sections());
            assertEquals(List.of(), a.peers());
            assertEquals(List.of(), a.warnings());
        }
    }

    @Test
    void linesOutsideSectionsAndMalformedLines() {
        AccountEntry a = sip("host=192.0.2.1\n[trunk1\n[t2]\ntype=peer\nhost 192.0.2.2\nhost=192.0.2.3");
        assertTrue(warned(a, Severity.WARNING, "stands before any [section]"));
        assertTrue(warned(a, Severity.ERROR, "no closing ']'"));
        assertTrue(warned(a, Severity.WARNING, "no '='"));
        assertEquals("192.0.2.3", a.peer("t2").orElseThrow().host());
    }

    @Test
    void pjsipUnknownOptionAndDuplicateObjectAreErrors() {
        AccountEntry a = AccountEntryParser.parse(CarrierProtocol.PJSIP, """
                [carrier]
                type=aor
                contact=sip:carrier@198.51.100.5:5080;transport=udp
                qualify_frequency=30
                qualify_timeout=1.5
                [carrier]
                type=endpoint
                aors=carrier,other
                qualify=yes
                [carrier]
                type=aor
                """, "");
        Peer p = a.peer("carrier").orElseThrow();
        assertEquals(List.of(new HostPort("198.51.100.5", 5080)), p.addresses());
        assertEquals(Duration.ofMillis(1500), p.qualify().timeout());
        assertTrue(warned(a, Severity.ERROR, "qualify=yes: not a endpoint option"), a.warnings().toString());
        assertTrue(warned(a, Severity.ERROR, "duplicate object"));
        assertTrue(warned(a, Severity.WARNING, "names AOR 'other'"));
    }

    @Test
    void wizardRemoteHostsAndBadPrefixedOption() {
        AccountEntry a = AccountEntryParser.parse(CarrierProtocol.PJSIP_WIZ, """
                [wiz]
                type=wizard
                remote_hosts=192.0.2.40:5070,192.0.2.41
                endpoint/qualify=yes
                """, "");
        Peer p = a.peers().get(0);
        assertEquals(List.of(new HostPort("192.0.2.40", 5070), new HostPort("192.0.2.41", 5060)), p.addresses());
        assertFalse(p.qualify().enabled(), "no aor/qualify_frequency");
        assertTrue(warned(a, Severity.ERROR, "endpoint/qualify=yes: not a endpoint option"));
    }

    @Test
    void zapAndExternalDefineNoPeers() {
        AccountEntry a = AccountEntryParser.parse(CarrierProtocol.ZAP, "[x]\ntype=peer\nhost=1.2.3.4", "");
        assertEquals(List.of(), a.peers());
        assertTrue(warned(a, Severity.INFO, "generates no Asterisk configuration"));
    }

    @Test
    void pjsipEndpointWhoseAorHasNoContact() {
        AccountEntry a = AccountEntryParser.parse(CarrierProtocol.PJSIP,
                "[reg]\ntype=aor\nqualify_frequency=0\n[reg]\ntype=endpoint\naors=reg\ncontext=trunkinbound", "");
        Peer p = a.peer("reg").orElseThrow();
        assertEquals(List.of(), p.addresses());
        assertEquals(QualifySettings.Mode.OFF, p.qualify().mode(), "qualify_frequency 0 is off");
        assertTrue(warned(a, Severity.WARNING, "its AORs have no contact="));
    }
}
