package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.ami.AmiControlLinks;
import trunkops.ami.AmiTarget;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.DialerOutcome;
import trunkops.control.MaintenanceScheduler;
import trunkops.control.MaintenanceStore.Stored;
import trunkops.control.MaintenanceWindow;
import trunkops.db.MaintenanceRepository;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.secrets.Keyring;
import trunkops.topology.Tech;

/**
 * Maintenance windows and ViciDial's levers on the 3-dialer lab over real TCP AMI and the lab's MariaDB: a window
 * that starts puts an offline with its end on every dialer; a restarted console (a new scheduler on the same table)
 * sends nothing again; at its end the expired flags are removed once. The CLI: maintenance add/list/run-due/remove
 * exit codes and refusals, reroute and carrier (refused without a reason, inactive refused without --confirm).
 */
class MaintenanceLabTest {

    private static LabCluster lab;
    private static Path dir;
    private static MaintenanceRepository store;
    private static AmiControlLinks links;
    private static List<String> dialers;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "maintenance-lab-test"));
        AppPaths.deleteTree(dir);
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, false, false, 0, Duration.ofSeconds(1), 5L), m -> { });
        LabCluster.DbAccess a = lab.dbAccess();
        MariaDbDataSource ds = new MariaDbDataSource(a.jdbcUrl());
        ds.setUser(a.user());
        ds.setPassword(a.password());
        store = MaintenanceRepository.open(ds);
        assertTrue(store.access().writable(), store.access().message());
        List<AmiTarget> targets = lab.amiAccess().stream()
                .map(x -> new AmiTarget(x.serverId(), x.host(), x.port(), x.user())).toList();
        String secret = lab.amiAccess().get(0).secret();
        links = new AmiControlLinks(targets, t -> secret::toCharArray, 2000);
        dialers = targets.stream().map(AmiTarget::serverId).toList();
    }

    @AfterAll
    static void stop() {
        if (links != null) {
            links.close();
        }
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    /** No standing window and no flag left by another test. */
    @BeforeEach
    void clean() throws Exception {
        for (Stored s : store.windows()) {
            store.remove(s.id(), "test", "cleanup", Instant.now());
        }
        for (String id : dialers) {
            for (String peer : List.of("blueline", "nsvoice")) {
                links.links().get(id).delete("trunkops", "admin/" + peer);
            }
        }
    }

    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Counts what is journaled (each begin is an action about to be sent). */
    static final class CountingJournal implements ControlJournal {
        final AtomicInteger begun = new AtomicInteger();

        @Override
        public String begin(ControlRequest request, Map<String, String> before) {
            return "e" + begun.incrementAndGet();
        }

        @Override
        public void complete(String id, ControlResult result) {
        }

        @Override
        public List<ControlRequest> unfinished() {
            return List.of();
        }
    }

    private static String flag(String serverId, String peer) {
        return lab.dialer(serverId).astdb().get("trunkops", "admin/" + peer);
    }

    /** A console: its control and scheduler on the shared links and table, at {@code clock}. */
    private static MaintenanceScheduler console(AstDbTrunkControl control, Clock clock) {
        return new MaintenanceScheduler(store, control, control::restoreExpired, Optional::empty, clock,
                "console@lab", Duration.ofSeconds(30));
    }

    @Test
    void aWindowAppliesWithItsEndAsUntilARestartResendsNothingAndItsEndIsCleanedUpOnce() throws Exception {
        Instant t0 = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        MovableClock clock = new MovableClock(t0);
        Instant end = t0.plusSeconds(600);
        long id = store.add(new MaintenanceWindow(Tech.SIP, "nsvoice", List.of(), t0.plusSeconds(60), end,
                Optional.empty(), "NorthStar core upgrade", Optional.of("CHG-7"), "planner@noc", t0));
        CountingJournal journal = new CountingJournal();
        try (AstDbTrunkControl control = new AstDbTrunkControl(links.links(), Optional::empty, journal,
                Duration.ofSeconds(2), clock)) {
            MaintenanceScheduler first = console(control, clock);
            assertTrue(first.runDue().applied().isEmpty(), "not started yet");
            dialers.forEach(d -> assertNull(flag(d, "nsvoice"), d));

            clock.now = t0.plusSeconds(60);
            MaintenanceScheduler.Tick started = first.runDue();
            assertTrue(started.ok(), started.toString());
            assertEquals(1, started.applied().size());
            assertEquals(dialers, started.applied().get(0).outcomes().stream().map(DialerOutcome::serverId).toList());
            for (String d : dialers) {
                assertEquals("offline:" + end.getEpochSecond(), flag(d, "nsvoice"), d + ": the window's end is in the flag");
            }
            assertEquals(Optional.of(end), store.windows().stream().filter(s -> s.id() == id).findFirst()
                    .orElseThrow().appliedUntil());
            assertEquals(1, journal.begun.get());
        }
        // the console restarts: a new control and scheduler on the same table
        try (AstDbTrunkControl control = new AstDbTrunkControl(links.links(), Optional::empty, journal,
                Duration.ofSeconds(2), clock)) {
            MaintenanceScheduler restarted = console(control, clock);
            clock.now = t0.plusSeconds(300);
            MaintenanceScheduler.Tick again = restarted.runDue();
            assertTrue(again.ok() && again.applied().isEmpty() && again.restored().isEmpty(), again.toString());
            assertEquals(1, journal.begun.get(), "nothing re-sent after the restart");

            clock.now = end;
            MaintenanceScheduler.Tick ended = restarted.runDue();
            assertTrue(ended.ok(), ended.toString());
            assertEquals(1, ended.restored().size());
            assertEquals(dialers, ended.restored().get(0).outcomes().stream().map(DialerOutcome::serverId).toList(),
                    "every dialer's expired flag removed: " + ended);
            dialers.forEach(d -> assertNull(flag(d, "nsvoice"), d));
            clock.now = end.plusSeconds(60);
            assertTrue(restarted.runDue().restored().isEmpty(), "cleaned up once");
            assertEquals(2, journal.begun.get(), "one offline, one cleanup");
        }
    }

    @Test
    void aRunningConsoleAppliesAWindowOnItsOwn() throws Exception {
        Instant end = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        store.add(new MaintenanceWindow(Tech.SIP, "blueline", List.of("DIALER3"), Instant.now(), end,
                Optional.empty(), "console test", Optional.empty(), "planner@noc", Instant.now()));
        java.util.concurrent.ScheduledExecutorService exec = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        CompletableFuture<MaintenanceScheduler.Tick> applied = new CompletableFuture<>();
        LabCluster.DbAccess a = lab.dbAccess();
        try (trunkops.db.Database ds = new trunkops.db.Database(trunkops.db.Database.Settings.of(a.jdbcUrl(),
                a.user()), a.password().toCharArray());
             AstDbTrunkControl control = new AstDbTrunkControl(links.links(), Optional::empty,
                new ControlWiring.Unjournaled(), Duration.ofSeconds(2), Clock.systemUTC())) {
            java.util.concurrent.ScheduledFuture<?> passes = MaintenanceWiring.start(ds, control, Optional::empty,
                    exec, Duration.ofMillis(200), t -> {
                        if (!t.applied().isEmpty()) {
                            applied.complete(t);
                        }
                    });
            MaintenanceScheduler.Tick t = applied.get(30, java.util.concurrent.TimeUnit.SECONDS);
            passes.cancel(false);
            assertTrue(t.ok(), t.toString());
        } finally {
            exec.shutdownNow();
        }
        assertEquals("offline:" + end.getEpochSecond(), flag("DIALER3", "blueline"));
        assertNull(flag("DIALER1", "blueline"), "only the dialer the window names");
    }

    record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LabCluster.DbAccess db = lab.dbAccess();
        Map<String, String> env = Map.of("AMI_SECRET", lab.amiAccess().get(0).secret(), "DB_PW", db.password());
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), new CompletableFuture<>(),
                ControlWiring.Unjournaled::new);
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] db(String... more) {
        LabCluster.DbAccess db = lab.dbAccess();
        List<String> a = new ArrayList<>(List.of(more));
        a.addAll(List.of("--jdbc", db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "DB_PW"));
        return a.toArray(String[]::new);
    }

    @Test
    void theMaintenanceCommandsAddListRunDueAndRemove() throws Exception {
        String to = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        Run add = cli(db("maintenance", "add", "blueline", "--from", "now", "--to", to, "--all", "--reason",
                "BlueLine maintenance", "--ticket", "NOC-11"));
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().startsWith("added maintenance window #"), add.out());
        long id = Long.parseLong(add.out().substring("added maintenance window #".length()).split(" ")[0]);
        Run list = cli(db("maintenance", "list"));
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("#" + id + " SIP/blueline on every dialer with it") && list.out()
                .contains("NOW until"), list.out());

        String[] runDue = db("maintenance", "run-due", "--user", LabCluster.CONSOLE_AMI_USER, "--secret-env",
                "AMI_SECRET");
        Run due = cli(runDue);
        assertEquals(0, due.code(), due.out() + due.err());
        for (String d : dialers) {
            assertTrue(due.out().contains(d + " blueline OFFLINE applied"), due.out());
            assertEquals("offline:" + Instant.parse(to).getEpochSecond(), flag(d, "blueline"), d);
        }
        assertTrue(due.err().contains("NOT journaled"), due.err());
        Run twice = cli(runDue);
        assertEquals(0, twice.code(), twice.err());
        assertEquals("", twice.out(), "nothing sent again");
        assertTrue(twice.err().contains("nothing due"), twice.err());

        Run remove = cli(db("maintenance", "remove", Long.toString(id), "--reason", "carrier done early"));
        assertEquals(0, remove.code(), remove.err());
        assertTrue(remove.err().contains("stays offline until"), "the sent flag is not shortened: " + remove.err());
        assertEquals(2, cli(db("maintenance", "remove", Long.toString(id), "--reason", "again")).code());
    }

    @Test
    void aWeeklyWindowOnOneDialerIsStoredAsTyped() {
        String to = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS).toString();
        Run add = cli(db("maintenance", "add", "SIP/nsvoice", "--from", "now", "--to", to, "--weekly", "THU,MON",
                "--at", "02:00", "--for", "1h30m", "--zone", "Europe/Paris", "--server", LabDefaults.DIALER2_IP,
                "--reason", "weekly patch window"));
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("SIP/nsvoice on DIALER2, weekly MON,THU 02:00 for 1h30m (Europe/Paris)"),
                add.out());
        Run list = cli(db("maintenance", "list"));
        assertTrue(list.out().contains("weekly MON,THU 02:00 for 1h30m (Europe/Paris)") && list.out()
                .contains("; next "), list.out());
        Run badZone = cli(db("maintenance", "add", "nsvoice", "--from", "now", "--to", to, "--weekly", "MON",
                "--at", "02:00", "--for", "1h", "--zone", "Mars/Olympus", "--all", "--reason", "r"));
        assertEquals(2, badZone.code());
        assertTrue(badZone.err().contains("is not a time zone"), badZone.err());
    }

    @Test
    void badWindowsAreRefusedWithExitTwo() {
        String soon = Instant.now().plus(Duration.ofHours(1)).toString();
        String later = Instant.now().plus(Duration.ofHours(2)).toString();
        Run backwards = cli(db("maintenance", "add", "blueline", "--from", later, "--to", soon, "--all",
                "--reason", "r"));
        assertEquals(2, backwards.code());
        assertTrue(backwards.err().contains("is not after --from"), backwards.err());
        Run unknown = cli(db("maintenance", "add", "nosuchpeer", "--from", soon, "--to", later, "--all",
                "--reason", "r"));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown peer"), unknown.err());
        Run past = cli(db("maintenance", "add", "blueline", "--from", "2020-01-01T00:00:00Z", "--to", later,
                "--all", "--reason", "r"));
        assertEquals(2, past.code());
        assertTrue(past.err().contains("is in the past"), past.err());
        Run noDays = cli(db("maintenance", "add", "blueline", "--from", soon, "--to", later, "--all", "--reason",
                "r", "--weekly", "MON", "--at", "02:00"));
        assertEquals(2, noDays.code());
        assertTrue(noDays.err().contains("--weekly needs --at <HH:MM> and --for <length>"), noDays.err());
        Run neither = cli(db("maintenance", "add", "blueline", "--from", soon, "--to", later, "--reason", "r"));
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--server <dialer> (repeatable) or --all"), neither.err());
    }

    @Test
    void rerouteSaysWhatItAffectsAndIsRefusedWithoutAReason() throws Exception {
        Run noReason = cli(db("reroute", "campaign", "RENEW", "--prefix", "9"));
        assertEquals(2, noReason.code());
        assertTrue(noReason.err().contains("--reason"), noReason.err());
        Run blank = cli(db("reroute", "campaign", "RENEW", "--prefix", "9", "--reason", " "));
        assertEquals(2, blank.code());
        assertTrue(blank.err().contains("a reason is required"), blank.err());
        assertEquals(2, cli(db("reroute", "campaign", "NOPE", "--prefix", "9", "--reason", "r")).code());
        assertEquals(2, cli(db("reroute", "campaign", "RENEW", "--prefix", "9x", "--reason", "r")).code());

        Run r = cli(db("reroute", "campaign", "RENEW", "--prefix", "9", "--reason", "BlueLine 503s"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("campaign RENEW: dial_prefix '8' -> '9'; takes effect in ~2.5 s"), r.out());
        assertTrue(r.out().contains("RENEW on DIALER1: prefix 8 BLUELINE -> 9 NSVOICE"), r.out());
        assertTrue(r.out().contains("vicidial-db campaign RENEW REROUTE applied"), r.out());
        assertEquals("9", one("SELECT dial_prefix FROM vicidial_campaigns WHERE campaign_id = 'RENEW'"));
        Run back = cli(db("reroute", "restore", "campaign", "RENEW", "--reason", "BlueLine fixed"));
        assertEquals(0, back.code(), back.out() + back.err());
        assertEquals("8", one("SELECT dial_prefix FROM vicidial_campaigns WHERE campaign_id = 'RENEW'"));
        Run nothing = cli(db("reroute", "restore", "campaign", "RENEW", "--reason", "again"));
        assertEquals(1, nothing.code(), nothing.out());
        assertTrue(nothing.out().contains("failed: no standing reroute"), nothing.out());
    }

    @Test
    void carrierInactiveListsTheCampaignsLeftWithoutARouteAndNeedsConfirm() throws Exception {
        Run refused = cli(db("carrier", "inactive", "BLUELINE", "--reason", "outage"));
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("up to ~60 s") || refused.out().contains("up to ~60 s"), refused.out());
        assertTrue(refused.err().contains("left without a route: ") && refused.err().contains("RENEW on DIALER1"),
                refused.err());
        assertTrue(refused.err().contains("needs --confirm BLUELINE"), refused.err());
        assertEquals(2, cli(db("carrier", "inactive", "BLUELINE", "--reason", "outage", "--confirm", "NORTHSTAR"))
                .code(), "the confirmation must name the carrier");
        assertEquals("Y", one("SELECT active FROM vicidial_server_carriers WHERE carrier_id = 'BLUELINE'"));

        Run done = cli(db("carrier", "inactive", "BLUELINE", "--reason", "outage", "--confirm", "BLUELINE"));
        assertEquals(0, done.code(), done.out() + done.err());
        assertTrue(done.out().contains("vicidial-db carrier BLUELINE CARRIER_INACTIVE applied"), done.out());
        assertEquals("N", one("SELECT active FROM vicidial_server_carriers WHERE carrier_id = 'BLUELINE'"));
        Run active = cli(db("carrier", "active", "BLUELINE", "--reason", "back"));
        assertEquals(0, active.code(), active.out() + active.err());
        assertEquals("Y", one("SELECT active FROM vicidial_server_carriers WHERE carrier_id = 'BLUELINE'"));
    }

    private static String one(String sql) throws Exception {
        LabCluster.DbAccess a = lab.dbAccess();
        try (Connection c = DriverManager.getConnection(a.jdbcUrl(), a.user(), a.password());
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
