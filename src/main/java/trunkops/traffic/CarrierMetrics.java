package trunkops.traffic;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Call results of one carrier (or carrier x dialer, carrier x campaign) over one time span, from
 * {@code vicidial_carrier_log}. Immutable.
 *
 * <p>Definitions (docs/traffic.md): an attempt is a carrier-log row. ASR = ANSWER / attempts. NER (network
 * effectiveness) = (ANSWER + BUSY + NOANSWER + CANCEL) / attempts: calls the network delivered to the far end
 * whatever the callee did; CANCEL counts because that is how a ringing auto-dial call ends when the campaign's dial
 * timeout (the Originate timeout) gives up. A failure is any other status (CONGESTION, CHANUNAVAIL, the rare
 * DONTCALL/TORTURE/INVALIDARGS, ViciDial's synthetic DNC/DISCONNECT, NULL). A carrier failure, what the quality alarms
 * watch, is CONGESTION, CHANUNAVAIL or a SIP 5xx. Dial time is DIALEDTIME minus ANSWEREDTIME: seconds from Dial() to
 * answer or failure (DIALEDTIME alone includes the talk time of answered calls).
 *
 * @param attempts        carrier-log rows
 * @param answered        rows with dialstatus ANSWER
 * @param outcomes        the joint counts: dial status x Q.850 cause x SIP code x SIP reason → rows, largest first
 * @param dialTimeSamples rows with a dial time
 * @param dialTimeMean    mean dial time in seconds, NaN without samples
 * @param dialTimeP90     90th percentile (nearest rank) in whole seconds, NaN without samples
 * @param sipAvailable    false when the schema has no SIP columns (ViciDial before 2.6): SIP maps are then empty
 */
public record CarrierMetrics(long attempts, long answered, Map<OutcomeKey, Long> outcomes, long dialTimeSamples,
                             double dialTimeMean, double dialTimeP90, boolean sipAvailable) {

    /** Statuses the network delivered (numerator of NER). */
    public static final Set<String> EFFECTIVE = Set.of("ANSWER", "BUSY", "NOANSWER", "CANCEL");
    /** Statuses that mean the carrier side failed the call. */
    public static final Set<String> CARRIER_FAILURES = Set.of("CONGESTION", "CHANUNAVAIL");
    /** The label of a NULL dialstatus. */
    public static final String NULL_STATUS = TrafficCube.NULL_STATUS;

    /**
     * What one row said about its call. {@code hangupCause} and {@code sipCode} are -1 for NULL; {@code sipCode} is
     * -2 and {@code sipReason} "" when the schema has no SIP columns.
     */
    public record OutcomeKey(String dialstatus, int hangupCause, int sipCode, String sipReason) {
        public boolean carrierFailure() {
            return CARRIER_FAILURES.contains(dialstatus) || (sipCode >= 500 && sipCode <= 599);
        }
    }

    /** A SIP final response code with its reason phrase as logged. */
    public record SipOutcome(int code, String reason) {
    }

    /** A Q.850 hangup cause with the dial status it was logged with. */
    public record HangupStatus(int cause, String dialstatus) {
    }

    /** Count descending, ties by the key's text: every table and export lists in the same order. */
    static final Comparator<Map.Entry<?, Long>> LARGEST_FIRST = Comparator
            .comparing((Map.Entry<?, Long> e) -> e.getValue()).reversed()
            .thenComparing(e -> String.valueOf(e.getKey()));

    public static final CarrierMetrics EMPTY = new CarrierMetrics(0, 0, Map.of(), 0, Double.NaN, Double.NaN, true);

    public CarrierMetrics {
        List<Map.Entry<OutcomeKey, Long>> sorted = new java.util.ArrayList<>(outcomes.entrySet());
        sorted.sort(LARGEST_FIRST);
        Map<OutcomeKey, Long> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        outcomes = Collections.unmodifiableMap(ordered);
    }

    /** Answer-seizure ratio in percent, NaN without attempts. */
    public double asr() {
        return attempts == 0 ? Double.NaN : 100.0 * answered / attempts;
    }

    /** Network effectiveness ratio in percent, NaN without attempts. */
    public double ner() {
        return attempts == 0 ? Double.NaN : 100.0 * effective() / attempts;
    }

    public long effective() {
        return sum(k -> EFFECTIVE.contains(k.dialstatus()));
    }

    public long failures() {
        return attempts - effective();
    }

    /** Rows with CONGESTION, CHANUNAVAIL or a SIP 5xx. */
    public long carrierFailures() {
        return sum(OutcomeKey::carrierFailure);
    }

    /** Carrier failures in percent of attempts, NaN without attempts. */
    public double carrierFailureShare() {
        return attempts == 0 ? Double.NaN : 100.0 * carrierFailures() / attempts;
    }

    private long sum(java.util.function.Predicate<OutcomeKey> p) {
        long n = 0;
        for (Map.Entry<OutcomeKey, Long> e : outcomes.entrySet()) {
            if (p.test(e.getKey())) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** dialstatus → rows, largest first. */
    public Map<String, Long> dialStatuses() {
        return marginal(OutcomeKey::dialstatus);
    }

    /** Q.850 cause (-1 = NULL) → rows, largest first. */
    public Map<Integer, Long> hangupCauses() {
        return marginal(OutcomeKey::hangupCause);
    }

    /** SIP code (-1 = NULL) → rows, largest first; empty without SIP columns. */
    public Map<Integer, Long> sipCodes() {
        return sipAvailable ? marginal(OutcomeKey::sipCode) : Map.of();
    }

    /** SIP code x reason → rows (ViciDial's "SIP error reason breakdown"); empty without SIP columns. */
    public Map<SipOutcome, Long> sipOutcomes() {
        return sipAvailable ? marginal(k -> new SipOutcome(k.sipCode(), k.sipReason())) : Map.of();
    }

    /** Q.850 cause x dialstatus → rows (ViciDial's "dial status breakdown"). */
    public Map<HangupStatus, Long> hangupByStatus() {
        return marginal(k -> new HangupStatus(k.hangupCause(), k.dialstatus()));
    }

    public long status(String dialstatus) {
        return sum(k -> k.dialstatus().equals(dialstatus));
    }

    /** The most frequent failure status and its count; empty when there were no failures. */
    public Optional<Map.Entry<String, Long>> topFailure() {
        return dialStatuses().entrySet().stream().filter(e -> !EFFECTIVE.contains(e.getKey()) && e.getValue() > 0)
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
    }

    private <K> Map<K, Long> marginal(Function<OutcomeKey, K> f) {
        Map<K, Long> m = new LinkedHashMap<>();
        outcomes.forEach((k, n) -> m.merge(f.apply(k), n, Long::sum));
        List<Map.Entry<K, Long>> entries = new java.util.ArrayList<>(m.entrySet());
        entries.sort(LARGEST_FIRST);
        Map<K, Long> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(out);
    }
}
