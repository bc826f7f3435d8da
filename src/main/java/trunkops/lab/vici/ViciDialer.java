package trunkops.lab.vici;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabClock;
import trunkops.lab.db.AsyncViciWriter;
import trunkops.lab.db.ViciRow;
import trunkops.lab.pbx.Pbx;

/**
 * AST_VDauto_dial.pl for one lab dialer: campaigns place auto-dial calls as Poisson arrivals at their configured
 * rate. Each call is what ViciDial does: a caller code {@code V<MDDhhmmss><lead id>}, a vicidial_dial_log row,
 * then an async Originate of {@code Local/<prefix>1<number>@default} answered into the VDAD extension with the
 * campaign's dial timeout, so the carrier patterns in the generated dialplan pick the trunk.
 */
public final class ViciDialer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViciDialer.class);
    private static final long TICK_MS = 250;
    private static final long REREAD_MS = 2_500;
    private static final DateTimeFormatter CODE_TIME = DateTimeFormatter.ofPattern("MMddHHmmss");

    private final String serverId;
    private final String serverIp;
    private final Pbx pbx;
    private final DataSource db;
    private final AsyncViciWriter writer;
    private final LabClock clock;
    private final ZoneId zone;
    private final Map<String, Double> attemptsPerMinute;
    private final PlacedCalls placedCalls;
    private final Random random;
    private final ScheduledExecutorService thread;
    private final AtomicLong placed = new AtomicLong();
    private volatile Map<String, ViciCampaigns.Campaign> campaigns = Map.of();
    private volatile double rateMultiplier = 1.0;
    private long lastRead;

    /** {@code attemptsPerMinute}: campaign id to the attempts per minute this dialer places for it. */
    public ViciDialer(String serverId, String serverIp, Pbx pbx, DataSource db, AsyncViciWriter writer,
                      LabClock clock, ZoneId zone, Map<String, Double> attemptsPerMinute, PlacedCalls placedCalls,
                      long seed) {
        this.placedCalls = placedCalls;
        this.serverId = serverId;
        this.serverIp = serverIp;
        this.pbx = pbx;
        this.db = db;
        this.writer = writer;
        this.clock = clock;
        this.zone = zone;
        this.attemptsPerMinute = Map.copyOf(attemptsPerMinute);
        this.random = new Random(seed);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-dialer-" + serverId);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long tick = clock.realNanos(TICK_MS);
        thread.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Multiplies every campaign's rate (1 = the spec's plausible load; benchmarks use far more). */
    public void setRateMultiplier(double m) {
        rateMultiplier = Math.max(0, m);
    }

    public long placed() {
        return placed.get();
    }

    private void tick() {
        try {
            long now = clock.nowMillis();
            if (now - lastRead >= REREAD_MS) {
                lastRead = now;
                try {
                    campaigns = ViciCampaigns.read(db);
                } catch (java.sql.SQLException e) {
                    LOG.debug("lab dialer {}: campaigns not readable ({}); keeping the last known", serverId,
                            e.toString());
                }
            }
            for (Map.Entry<String, Double> e : attemptsPerMinute.entrySet()) {
                ViciCampaigns.Campaign c = campaigns.get(e.getKey());
                if (c == null || !c.active()) {
                    continue;
                }
                double expected = e.getValue() * rateMultiplier * TICK_MS / 60_000.0;
                int n = poisson(expected);
                for (int i = 0; i < n; i++) {
                    place(c);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("lab dialer {} tick failed", serverId, e);
        }
    }

    private int poisson(double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private void place(ViciCampaigns.Campaign c) {
        List<ViciCampaigns.DialList> lists = c.lists();
        String prefix = c.dialPrefix();
        long listId = 0;
        if (!lists.isEmpty()) {
            ViciCampaigns.DialList l = lists.get(random.nextInt(lists.size()));
            listId = l.listId();
            if (!l.dialPrefix().isEmpty()) {
                prefix = l.dialPrefix();
            }
        }
        String phone = nanp();
        long leadId = 1 + random.nextInt(9_999_999);
        String code = "V" + CODE_TIME.format(clock.now().atZone(zone)).substring(1) + String.format("%010d", leadId);
        String dialString = prefix + "1" + phone;
        int timeout = c.dialTimeoutSeconds() > 0 ? c.dialTimeoutSeconds() : 60;
        placedCalls.put(code, new PlacedCalls.Placed(c.campaignId(), listId, phone));
        writer.submit(new ViciRow.DialLog(code, leadId, serverIp, clock.now(), "8368",
                "Local/" + dialString + "@default", "default", timeout * 1000, phone));
        pbx.originateLocal(dialString, "default", "default", "8368", code, phone, timeout * 1000L);
        placed.incrementAndGet();
    }

    private String nanp() {
        return (2 + random.nextInt(8)) + String.format("%02d", random.nextInt(100)) + (2 + random.nextInt(8))
                + String.format("%06d", random.nextInt(1_000_000));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
