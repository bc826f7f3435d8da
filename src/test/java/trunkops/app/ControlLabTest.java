package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiAstDbLink;
import trunkops.ami.AmiControlLinks;
import trunkops.ami.AmiTarget;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.DialerOutcome.Status;
import trunkops.lab.LabCluster;
import trunkops.lab.ami.EventClass;
import trunkops.lab.ami.ManagerConfig;
import trunkops.lab.ami.ManagerUser;
import trunkops.secrets.Keyring;
import trunkops.topology.Tech;

/**
 * Operator control on 10 lab dialers over real TCP AMI, against a generated route on each: offline on all ten is
 * read back everywhere and the next call on every dialer skips the trunk; online restores it; drain places no new
 * calls; an offline with an expiry ends by itself (the dialplan compares with EPOCH, no console involved); a hung
 * or stopped AMI is named and holds no other dialer up; an AMI user without write class system is refused with the
 * reason; the CLI's exit codes.
 */
class ControlLabTest {

    private static ControlLab lab;
    private static AmiControlLinks links;
    private static AstDbTrunkControl control;
    private static List<String> all;

    @BeforeAll
    static void start() throws Exception {
        lab = new ControlLab(10, "control-lab-test");
        List<AmiTarget> targets = lab.lab.amiAccess().stream()
                .map(a -> new AmiTarget(a.serverId(), a.host(), a.port(), a.user())).toList();
        String secret = lab.lab.amiAccess().get(0).secret();
        links = new AmiControlLinks(targets, t -> secret::toCharArray, 2000);
        all = targets.stream().map(AmiTarget::serverId).toList();
        control = new AstDbTrunkControl(links.links(), Optional::empty, new ControlWiring.Unjournaled(),
                Duration.ofSeconds(2), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (control != null) {
            control.close();
        }
        if (links != null) {
            links.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    static ControlRequest request(ControlVerb verb, List<String> servers, Optional<Instant> until) {
        return new ControlRequest(verb, Tech.SIP, "blueline", servers, Optional.empty(), OptionalInt.empty(), until,
                "lab test", Optional.of("LAB-1"), "tester@lab");
    }

    static ControlResult apply(ControlRequest r) throws Exception {
        return control.apply(r).get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void online() throws Exception {
        ControlResult r = apply(request(ControlVerb.ONLINE, all, Optional.empty()));
        assertTrue(r.allApplied(), r.toString());
    }

    @Test
    void offlineOnTenDialersIsReadBackAndEveryNextCallSkipsTheTrunkOnlineRestoresIt() throws Exception {
        Map<String, String> before = lab.firstTrunks();
        assertEquals(10, before.size());
        before.forEach((id, t) -> assertEquals("SIP/blueline", t, id + " dials its priority 1 trunk first"));

        ControlResult off = apply(request(ControlVerb.OFFLINE, all, Optional.empty()));
        assertTrue(off.allApplied(), off.toString());
        assertEquals(all, off.outcomes().stream().map(DialerOutcome::serverId).toList());
        off.outcomes().forEach(o -> assertEquals("read back offline:0, before (none)", o.detail()));
        for (String id : all) {
            assertEquals("offline:0", lab.lab.dialer(id).astdb().get("trunkops", "admin/blueline"), id);
        }
        lab.firstTrunks().forEach((id, t) -> assertEquals("SIP/nsvoice", t, id + ": blueline is offline"));

        assertTrue(apply(request(ControlVerb.ONLINE, all, Optional.empty())).allApplied());
        lab.firstTrunks().forEach((id, t) -> assertEquals("SIP/blueline", t, id + ": blueline is back"));
    }

    @Test
    void drainPlacesNoNewCallsOnTheTrunk() throws Exception {
        List<String> two = List.of("DIALER2", "DIALER7");
        ControlResult r = apply(request(ControlVerb.DRAIN, two, Optional.empty()));
        assertTrue(r.allApplied(), r.toString());
        assertEquals("SIP/nsvoice", lab.firstTrunk("DIALER2"));
        assertEquals("SIP/nsvoice", lab.firstTrunk("DIALER7"));
        assertEquals("SIP/blueline", lab.firstTrunk("DIALER3"), "a dialer not named keeps dialing it");
    }

    @Test
    void anExpiredOfflineEndsByItselfWithNoConsole() throws Exception {
        Instant until = Instant.now().plusSeconds(3);
        ControlResult r = apply(request(ControlVerb.OFFLINE, List.of("DIALER5"), Optional.of(until)));
        assertTrue(r.allApplied(), r.toString());
        assertEquals("SIP/nsvoice", lab.firstTrunk("DIALER5"), "within the window");
        control.close(); // no console from here on: only the dialplan and the flag
        String trunk;
        Instant back;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                trunk = lab.firstTrunk("DIALER5");
            } while (!trunk.equals("SIP/blueline") && System.nanoTime() < deadline);
            back = Instant.now();
        } finally {
            control = new AstDbTrunkControl(links.links(), Optional::empty, new ControlWiring.Unjournaled(),
                    Duration.ofSeconds(2), Clock.systemUTC());
        }
        assertEquals("SIP/blueline", trunk, "the window ended");
        assertTrue(!back.isBefore(until.minusSeconds(1)), "not before its end: " + back + " vs " + until);
        assertEquals("offline:" + until.getEpochSecond(),
                lab.lab.dialer("DIALER5").astdb().get("trunkops", "admin/blueline"), "the flag is still there");
        ControlResult cleaned = control.restoreExpired(Tech.SIP, "blueline", all, "console@lab")
                .get(30, TimeUnit.SECONDS);
        assertEquals(List.of("DIALER5"), cleaned.outcomes().stream().map(DialerOutcome::serverId).toList(),
                "the console restores (and reports) only the expired flag: " + cleaned);
        assertTrue(cleaned.allApplied(), cleaned.toString());
        assertEquals(null, lab.lab.dialer("DIALER5").astdb().get("trunkops", "admin/blueline"));
    }

    @Test
    void aHungAndAStoppedAmiAreNamedAndTheOthersApplyThenARetryAppliesTheRest() throws Exception {
        lab.lab.faults().hangAmi("DIALER4", true);
        lab.lab.faults().dropAmi("DIALER8");
        ControlResult r;
        try {
            r = apply(request(ControlVerb.OFFLINE, all, Optional.empty()));
        } finally {
            lab.lab.faults().hangAmi("DIALER4", false);
            lab.lab.faults().restartAmi("DIALER8");
        }
        assertEquals(List.of("DIALER4", "DIALER8"), r.notApplied(), r.toString());
        assertEquals(Status.UNREACHABLE, r.outcomes().get(3).status());
        assertEquals(Status.UNREACHABLE, r.outcomes().get(7).status());
        assertTrue(r.took().compareTo(Duration.ofSeconds(5)) < 0, "the hung dialer held nobody up: " + r.took());
        ControlResult retry = apply(request(ControlVerb.OFFLINE, r.notApplied(), Optional.empty()));
        assertTrue(retry.allApplied(), retry.toString());
        for (String id : all) {
            assertEquals("offline:0", lab.lab.dialer(id).astdb().get("trunkops", "admin/blueline"), id);
        }
    }

    @Test
    void anAmiUserWithoutWriteClassSystemIsRefusedWithTheReason() throws Exception {
        LabCluster.AmiAccess a = lab.lab.amiAccess().get(5);
        ManagerConfig old = lab.lab.dialer(a.serverId()).config();
        List<ManagerUser> users = new ArrayList<>(old.users().values());
        users.add(new ManagerUser("noc-ro", "ro-secret-6", EventClass.parseMask("system,call,reporting,user"),
                EventClass.parseMask("reporting,call"), List.of("127.0.0.0/8"), 5000));
        lab.lab.dialer(a.serverId()).setManagerConfig(ManagerConfig.of(users));
        try (AmiAstDbLink ro = new AmiAstDbLink(new AmiTarget(a.serverId(), a.host(), a.port(), "noc-ro"),
                "ro-secret-6"::toCharArray, 2000);
             AstDbTrunkControl c = new AstDbTrunkControl(Map.of(a.serverId(), ro), Optional::empty,
                     new ControlWiring.Unjournaled(), Duration.ofSeconds(2), Clock.systemUTC())) {
            ControlResult r = c.apply(request(ControlVerb.OFFLINE, List.of(a.serverId()), Optional.empty()))
                    .get(30, TimeUnit.SECONDS);
            DialerOutcome o = r.outcomes().get(0);
            assertEquals(Status.FAILED, o.status(), r.toString());
            assertEquals("DBPut refused: Permission denied (the AMI user needs write class 'system' in"
                    + " manager.conf)", o.detail());
        } finally {
            lab.lab.dialer(a.serverId()).setManagerConfig(old);
        }
    }

    // ---- the command line ----

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LabCluster.DbAccess db = lab.lab.dbAccess();
        Map<String, String> env = Map.of("AMI_SECRET", lab.lab.amiAccess().get(0).secret(), "DB_PW", db.password());
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), new CompletableFuture<>(),
                ControlWiring.Unjournaled::new);
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] cluster(String... more) {
        LabCluster.DbAccess db = lab.lab.dbAccess();
        List<String> a = new ArrayList<>(List.of(more));
        a.addAll(List.of("--jdbc", db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "DB_PW",
                "--user", LabCluster.CONSOLE_AMI_USER, "--secret-env", "AMI_SECRET"));
        return a.toArray(String[]::new);
    }

    @Test
    void theCommandLineAppliesOnEveryDialerWithTheTrunkAndSaysSoPerDialer() throws Exception {
        Run r = cli(cluster("offline", "blueline", "--all", "--reason", "carrier 503s", "--ticket", "NOC-7"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(10, lines.size(), r.out());
        for (String id : all) {
            assertTrue(lines.contains(id + " blueline OFFLINE applied"), r.out());
        }
        assertTrue(r.err().contains("NOT journaled"), "an unjournaled action says so: " + r.err());
        Run back = cli(cluster("online", "SIP/blueline", "--server", "DIALER3", "--reason", "fixed"));
        assertEquals(0, back.code(), back.err());
        assertEquals("DIALER3 blueline ONLINE applied", back.out().strip());

        lab.lab.faults().dropAmi("DIALER9");
        try {
            Run failed = cli(cluster("drain", "blueline", "--server", "DIALER9", "--server", "DIALER1",
                    "--reason", "r"));
            assertEquals(1, failed.code(), failed.out() + failed.err());
            assertTrue(failed.out().contains("DIALER1 blueline DRAIN applied"), failed.out());
            assertTrue(failed.out().contains("DIALER9 blueline DRAIN unreachable: "), failed.out());
            assertTrue(failed.err().contains("not applied on DIALER9"), failed.err());
        } finally {
            lab.lab.faults().restartAmi("DIALER9");
        }
        Run second = cli(cluster("offline", "blueline", "--server", "DIALER1", "--reason", "second operator"));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("DIALER1 held 'drain:0' before this action (now 'offline:0')"),
                "the first operator's drain is not silently lost: " + second.err());
    }

    @Test
    void badArgumentsExitTwoWithOneLineEach() {
        Run noReason = cli(cluster("offline", "blueline", "--all", "--reason", " "));
        assertEquals(2, noReason.code());
        assertTrue(noReason.err().contains("a reason is required"), noReason.err());
        Run unknown = cli(cluster("offline", "nosuchpeer", "--all", "--reason", "r"));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown peer"), unknown.err());
        Run server = cli(cluster("offline", "blueline", "--server", "DIALER77", "--reason", "r"));
        assertEquals(2, server.code());
        assertTrue(server.err().contains("unknown dialer 'DIALER77'"), server.err());
        Run past = cli(cluster("offline", "blueline", "--all", "--reason", "r", "--until", "2020-01-01T00:00:00Z"));
        assertEquals(2, past.code());
        assertTrue(past.err().contains("in the past"), past.err());
        Run weight = cli(cluster("weight", "CTL-PRIO", "blueline", "1001", "--all", "--reason", "r"));
        assertEquals(2, weight.code());
        assertTrue(weight.err().contains("weight 1001 is outside 0-1000"), weight.err());
        Run inject = cli(cluster("offline", "blue${x}", "--all", "--reason", "r"));
        assertEquals(2, inject.code());
        assertTrue(inject.err().contains("contains '${'"), inject.err());
        Run neither = cli(cluster("offline", "blueline", "--reason", "r"));
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--server <dialer> (repeatable) or --all"), neither.err());
    }

    @Test
    void aLiveWeightIsWrittenAndReadBackOnTheNamedDialer() {
        LabCluster.AmiAccess a = lab.lab.amiAccess().get(0);
        Run r = cli("weight", "CTL-PRIO", "nsvoice", "250", "--ami", a.host() + ":" + a.port(), "--user", a.user(),
                "--secret-env", "AMI_SECRET", "--reason", "shift load");
        assertEquals(0, r.code(), r.err());
        assertEquals(a.host() + " nsvoice WEIGHT applied", r.out().strip());
        assertEquals("250", lab.lab.dialer(a.serverId()).astdb().get("trunkops", "weight/CTL-PRIO/nsvoice"));
    }
}
