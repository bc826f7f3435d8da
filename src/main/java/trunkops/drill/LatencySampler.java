package trunkops.drill;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import trunkops.routing.RouteMember;

/** Probes every member's qualify latency on the drill's dialer at a fixed rate while the drill runs. */
final class LatencySampler {

    private final DrillLine line;
    private final List<RouteMember> members;
    private final long everyMs;
    private final List<DrillReport.LatencySample> samples = new ArrayList<>();
    private ScheduledExecutorService exec;

    LatencySampler(DrillLine line, List<RouteMember> members, long everyMs) {
        this.line = line;
        this.members = List.copyOf(members);
        this.everyMs = everyMs;
    }

    void start() {
        exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drill-latency");
            t.setDaemon(true);
            return t;
        });
        exec.scheduleWithFixedDelay(this::sample, 0, everyMs, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        for (RouteMember m : members) {
            long at = System.currentTimeMillis();
            DrillReport.LatencySample s;
            try {
                DrillLine.Probe p = line.probe(m.tech(), m.peer());
                s = new DrillReport.LatencySample(at, m.trunk(), p.latencyMs(), p.status());
            } catch (IOException | RuntimeException e) {
                s = new DrillReport.LatencySample(at, m.trunk(), -1, "no answer: " + e.getMessage());
            }
            synchronized (samples) {
                samples.add(s);
            }
        }
    }

    void stop() {
        if (exec != null) {
            exec.shutdownNow();
            try {
                exec.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<DrillReport.LatencySample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
