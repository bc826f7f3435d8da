package trunkops.lab.vici;

import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabClock;
import trunkops.lab.db.LabViciStore;
import trunkops.lab.pbx.Pbx;

/**
 * ViciDial's ADMIN_keepalive_ALL.pl for the lab's dialers: on a fixed period, for each active Asterisk server
 * whose {@code rebuild_conf_files='Y'}, it clears the flag first, reads the server's active carriers, regenerates
 * sip-vicidial.conf and extensions-vicidial.conf, writes only the files that changed and reloads them the way the
 * keepalive does (CLI {@code sip reload} / {@code dialplan reload} typed into the console, which emit no AMI
 * Reload event). Database work runs on its own thread, never on a dialer's PBX thread.
 */
public final class ViciKeepalive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViciKeepalive.class);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LabViciStore store;
    private final Map<String, Pbx> dialersByIp;
    private final LabClock clock;
    private final ScheduledExecutorService thread;
    private final AtomicLong rebuilds = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean stopped;
    private volatile long extraLabMillis;

    public ViciKeepalive(LabViciStore store, Map<String, Pbx> dialersByIp, LabClock clock) {
        this.store = store;
        this.dialersByIp = Map.copyOf(dialersByIp);
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-keepalive");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs one pass now on the caller's thread (used at lab start, before the dialers boot). */
    public int runOnce() throws SQLException {
        List<LabViciStore.ServerRow> servers = store.servers();
        List<ViciConfGenerator.Peer> peers = new ArrayList<>();
        for (LabViciStore.ServerRow s : servers) {
            if (s.active() && s.activeAsteriskServer()) {
                peers.add(new ViciConfGenerator.Peer(s.serverId(), s.serverIp()));
            }
        }
        int done = 0;
        for (LabViciStore.ServerRow s : servers) {
            Pbx pbx = dialersByIp.get(s.serverIp());
            if (pbx == null || !s.activeAsteriskServer() || !s.generateViciDialConf()) {
                continue;
            }
            if (!store.claimRebuild(s.serverIp())) {
                continue;
            }
            List<ViciConfGenerator.Carrier> carriers = new ArrayList<>();
            for (LabViciStore.CarrierRow c : store.activeCarriers(s.serverIp())) {
                carriers.add(new ViciConfGenerator.Carrier(c.carrierId(), c.carrierName(), c.description(),
                        c.protocol(), c.registrationString(), c.globalsString(), c.accountEntry(), c.dialplanEntry(),
                        c.templateContents()));
            }
            Map<String, String> files = ViciConfGenerator.generate(s.serverIp(), carriers, peers,
                    TS.format(clock.now().atZone(store.zone())));
            boolean sipChanged = install(pbx, "sip-vicidial.conf", files.get("sip-vicidial.conf"));
            boolean extChanged = install(pbx, "extensions-vicidial.conf", files.get("extensions-vicidial.conf"));
            boolean pjsipChanged = install(pbx, "pjsip-vicidial.conf", files.get("pjsip-vicidial.conf"));
            if (sipChanged) {
                pbx.cli("sip reload");
            }
            if (pjsipChanged) {
                pbx.cli("pjsip reload");
            }
            if (extChanged) {
                pbx.cli("dialplan reload");
            }
            rebuilds.incrementAndGet();
            done++;
            LOG.info("lab keepalive: rebuilt {} ({} carriers; sip {}, dialplan {})", s.serverId(), carriers.size(),
                    sipChanged ? "reloaded" : "unchanged", extChanged ? "reloaded" : "unchanged");
        }
        return done;
    }

    private static boolean install(Pbx pbx, String name, String content) {
        String current = pbx.files().read(name).orElse(null);
        if (content.equals(current)) {
            return false;
        }
        pbx.files().install(name, content);
        return true;
    }

    /** Starts the periodic pass (ViciDial: once a minute from cron). */
    public void start(long periodLabMillis) {
        long real = clock.realNanos(periodLabMillis);
        thread.scheduleWithFixedDelay(() -> {
            try {
                if (stopped) {
                    return;
                }
                long extra = extraLabMillis;
                if (extra > 0) {
                    TimeUnit.NANOSECONDS.sleep(clock.realNanos(extra));
                }
                runOnce();
                lastError = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                if (!e.toString().equals(lastError)) {
                    LOG.warn("lab keepalive could not read the database: {}", e.toString());
                }
                lastError = e.toString();
            }
        }, real, real, TimeUnit.NANOSECONDS);
    }

    /** Fault: the periodic pass does nothing (cron stopped); false resumes it. */
    public void stopped(boolean stop) {
        this.stopped = stop;
    }

    /** Fault: every periodic pass first waits this long (lab time; zero for none), e.g. a slow generation. */
    public void extraDelay(java.time.Duration labDelay) {
        this.extraLabMillis = labDelay.toMillis();
    }

    public long rebuilds() {
        return rebuilds.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
