package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A carrier whose calls went bad against its own baseline, as one episode: from the first evaluation that failed
 * the rules to the first that passed again ({@code cleared} null while it lasts). The headline carries the probe
 * verdict, because "probe OK but calls failing" is exactly what qualify cannot see.
 *
 * @param carrierId  the carrier
 * @param kind       which rule
 * @param detected   end of the first failing evaluation span (database wall clock)
 * @param cleared    end of the first passing one after it, null while ongoing
 * @param worst      the worst value seen in the episode (ASR % for an ASR drop, failure share % for a spike)
 * @param baseline   the baseline value at detection
 * @param attempts   attempts in the span of the worst value
 * @param evidence   what the failures were, e.g. {@code CONGESTION / SIP 503 Service Unavailable: 212 of 260}
 * @param probe      what the trunk probes said about the carrier when the alarm was built
 */
public record QualityAlarm(String carrierId, Kind kind, LocalDateTime detected, LocalDateTime cleared, double worst,
                           double baseline, long attempts, String evidence, ProbeVerdict probe) {

    public enum Kind {
        /** ASR fell against the carrier's baseline. */
        ASR_DROP,
        /** CONGESTION / CHANUNAVAIL / SIP 5xx rose against the carrier's baseline. */
        FAILURE_SPIKE
    }

    /** What qualify said about the carrier's trunks (supplied by the caller; traffic does not watch trunks). */
    public enum ProbeVerdict {
        /** Every trunk of the carrier reachable. */
        OK,
        /** Some trunk unreachable, lagged or down. */
        NOT_OK,
        /** Unknown (no probe data, unmonitored trunks). */
        UNKNOWN
    }

    public QualityAlarm {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(probe, "probe");
    }

    public boolean ongoing() {
        return cleared == null;
    }

    /** One line for the board and the timeline. */
    public String headline() {
        String what = kind == Kind.ASR_DROP
                ? String.format(java.util.Locale.ROOT, "ASR %.0f%% (normally %.0f%%)", worst, baseline)
                : String.format(java.util.Locale.ROOT, "%.0f%% of calls failing (normally %.0f%%)", worst, baseline);
        String prefix = probe == ProbeVerdict.OK ? "probe OK but calls failing: " : "";
        return carrierId + ": " + prefix + what + (evidence.isEmpty() ? "" : " - " + evidence);
    }
}
