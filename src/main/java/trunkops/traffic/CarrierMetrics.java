package trunkops.traffic;

import java.util.Map;
import java.util.Set;

/**
 * Call results of one carrier (or carrier x dialer, carrier x campaign) over one time span, from
 * {@code vicidial_carrier_log}. Immutable; maps are ordered by count, largest first.
 *
 * <p>Definitions (docs/traffic.md): an attempt is a carrier-log row. ASR = ANSWER / attempts. NER (network
 * effectiveness) = (ANSWER + BUSY + NOANSWER + CANCEL) / attempts: calls the network delivered to the far end
 * whatever the callee did; CANCEL counts because that is how a ringing auto-dial call ends when the campaign's dial
 * timeout (the Originate timeout) gives up. A failure is any other status (CONGESTION, CHANUNAVAIL, the rare
 * DONTCALL/TORTURE/INVALIDARGS, ViciDial's synthetic DNC/DISCONNECT, NULL). Dial time is DIALEDTIME minus
 * ANSWEREDTIME: seconds from Dial() to answer or failure (DIALEDTIME alone includes the talk time of answered calls).
 *
 * @param attempts        carrier-log rows
 * @param answered        rows with dialstatus ANSWER
 * @param dialStatuses    dialstatus → rows ({@code (null)} for NULL)
 * @param hangupCauses    Q.850 cause → rows ({@code -1} for NULL)
 * @param sipCodes        SIP response code → rows ({@code -1} for NULL); empty when {@code sipAvailable} is false
 * @param sipOutcomes     SIP code x reason → rows (ViciDial's "SIP codes" table)
 * @param hangupByStatus  Q.850 cause x dialstatus → rows (ViciDial's "dial status breakdown")
 * @param dialTimeSamples rows with a dial time
 * @param dialTimeMean    mean dial time in seconds, NaN without samples
 * @param dialTimeP90     90th percentile (nearest rank) in whole seconds, NaN without samples
 * @param sipAvailable    false when the schema has no SIP columns (ViciDial before 2.6)
 */
public record CarrierMetrics(long attempts, long answered, Map<String, Long> dialStatuses,
                             Map<Integer, Long> hangupCauses, Map<Integer, Long> sipCodes,
                             Map<SipOutcome, Long> sipOutcomes, Map<HangupStatus, Long> hangupByStatus,
                             long dialTimeSamples, double dialTimeMean, double dialTimeP90, boolean sipAvailable) {

    /** Statuses the network delivered (numerator of NER). */
    public static final Set<String> EFFECTIVE = Set.of("ANSWER", "BUSY", "NOANSWER", "CANCEL");
    /** Statuses that mean the carrier side failed the call (the quality alarms watch these). */
    public static final Set<String> CARRIER_FAILURES = Set.of("CONGESTION", "CHANUNAVAIL");

    /** A SIP final response code with its reason phrase as logged. */
    public record SipOutcome(int code, String reason) {
    }

    /** A Q.850 hangup cause with the dial status it was logged with. */
    public record HangupStatus(int cause, String dialstatus) {
    }

    public CarrierMetrics {
        dialStatuses = ordered(dialStatuses);
        hangupCauses = ordered(hangupCauses);
        sipCodes = ordered(sipCodes);
        sipOutcomes = ordered(sipOutcomes);
        hangupByStatus = ordered(hangupByStatus);
    }

    private static <K> Map<K, Long> ordered(Map<K, Long> m) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    public static final CarrierMetrics EMPTY = new CarrierMetrics(0, 0, Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), 0, Double.NaN, Double.NaN, true);

    /** Answer-seizure ratio in percent, NaN without attempts. */
    public double asr() {
        return attempts == 0 ? Double.NaN : 100.0 * answered / attempts;
    }

    /** Network effectiveness ratio in percent, NaN without attempts. */
    public double ner() {
        return attempts == 0 ? Double.NaN : 100.0 * effective() / attempts;
    }

    public long effective() {
        return dialStatuses.entrySet().stream().filter(e -> EFFECTIVE.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long failures() {
        return attempts - effective();
    }

    public long status(String dialstatus) {
        return dialStatuses.getOrDefault(dialstatus, 0L);
    }

    /** The most frequent failure status and its count; empty when there were no failures. */
    public java.util.Optional<Map.Entry<String, Long>> topFailure() {
        return dialStatuses.entrySet().stream().filter(e -> !EFFECTIVE.contains(e.getKey()) && e.getValue() > 0)
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())));
    }
}
