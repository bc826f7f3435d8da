package trunkops.lab.vici;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import trunkops.lab.LabClock;
import trunkops.lab.db.AsyncViciWriter;
import trunkops.lab.db.ViciRow;
import trunkops.lab.pbx.ChannelView;
import trunkops.lab.pbx.Pbx;

/**
 * AST_update_AMI2.pl's loop for the lab's dialers: refreshes live_channels with each dialer's trunk channels
 * (not Local, not phones), channel_group = the caller-ID name (the ViciDial caller code). ViciDial does it every
 * 0.4 s; the lab every second of lab time.
 */
public final class LiveChannelsFeed implements AutoCloseable {

    private final Map<String, Pbx> dialersByIp;
    private final AsyncViciWriter writer;
    private final LabClock clock;
    private final ScheduledExecutorService thread;

    public LiveChannelsFeed(Map<String, Pbx> dialersByIp, AsyncViciWriter writer, LabClock clock) {
        this.dialersByIp = Map.copyOf(dialersByIp);
        this.writer = writer;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-live-channels");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long period = clock.realNanos(1_000);
        thread.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.NANOSECONDS);
    }

    private void refresh() {
        for (Map.Entry<String, Pbx> e : dialersByIp.entrySet()) {
            try {
                List<ViciRow.LiveChannel> rows = new ArrayList<>();
                for (ChannelView c : e.getValue().channelViews()) {
                    if ("SIP".equals(c.tech())) {
                        rows.add(new ViciRow.LiveChannel(c.name(), c.exten(), c.callerIdName(),
                                "SIP/" + c.peer() + "/" + c.callerIdNum()));
                    } else if ("PJSIP".equals(c.tech())) {
                        rows.add(new ViciRow.LiveChannel(c.name(), c.exten(), c.callerIdName(),
                                "PJSIP/" + c.exten() + "@" + c.peer()));
                    }
                }
                writer.submit(new ViciRow.LiveChannelsSync(e.getKey(), rows));
            } catch (RuntimeException ex) {
                // a dialer being torn down: try again next round
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
