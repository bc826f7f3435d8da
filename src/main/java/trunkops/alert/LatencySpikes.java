package trunkops.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import trunkops.health.LatencyHistory;

/**
 * Latency spikes in a trunk's qualify history: samples at least twice the trunk's median round trip and 50 ms above
 * it, and polls that got no answer; consecutive samples make one event (its start, peak and length). A history with
 * fewer than 5 answered samples has no "normal": only the unanswered polls are reported.
 */
public final class LatencySpikes {

    static final int MIN_SAMPLES = 5;

    private LatencySpikes() {
    }

    public static List<IncidentEvent> find(String subject, LatencyHistory.Series s, long slotMs) {
        short[] ok = new short[s.size()];
        int n = 0;
        for (short v : s.values()) {
            if (v >= 0) {
                ok[n++] = v;
            }
        }
        Arrays.sort(ok, 0, n);
        int median = n == 0 ? -1 : ok[n / 2];
        int threshold = n < MIN_SAMPLES ? Integer.MAX_VALUE : Math.max(2 * median, median + 50);
        List<IncidentEvent> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            boolean failed = s.values()[i] == LatencyHistory.UNREACHABLE;
            boolean spike = !failed && s.values()[i] >= threshold;
            if (!failed && !spike) {
                i++;
                continue;
            }
            int j = i;
            int peak = -1;
            while (j < s.size() && (failed ? s.values()[j] == LatencyHistory.UNREACHABLE
                    : s.values()[j] >= threshold)) {
                peak = Math.max(peak, s.values()[j]);
                j++;
            }
            long seconds = (s.times()[j - 1] + slotMs - s.times()[i]) / 1000;
            Instant at = Instant.ofEpochMilli(s.times()[i]);
            out.add(failed
                    ? new IncidentEvent(at, IncidentEvent.Source.LATENCY, subject, "no qualify answer",
                    "for " + seconds + " s")
                    : new IncidentEvent(at, IncidentEvent.Source.LATENCY, subject, "latency spike " + peak + " ms",
                    "normally " + median + " ms; " + seconds + " s"));
            i = j;
        }
        return out;
    }
}
