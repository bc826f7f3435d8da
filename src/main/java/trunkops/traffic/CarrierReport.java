package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The carrier report: what ViciDial's Carrier Log Report shows for a time window and a set of dialers (hangup cause x
 * dial status, SIP code x reason, in {@link #overall()}), plus the carrier dimension ViciDial lacks: the same per
 * carrier, per carrier and dialer, per carrier and campaign, with ASR, NER and dial times. Immutable.
 *
 * @param from          window start, inclusive (database wall clock)
 * @param to            window end, exclusive (ViciDial's report includes its end second)
 * @param servers       the dialers' server_ip the report is limited to; empty = all
 * @param overall       every row in the window and servers, attributed or not
 * @param byCarrier     per carrier, the unattributed bucket last
 * @param byServer      per carrier and dialer
 * @param byCampaign    per carrier and campaign key
 * @param detail        per carrier, dialer and campaign key (the tidy CSV export)
 * @param attribution   how the window's rows were attributed (all dialers)
 * @param schemaNote    what the database's schema cannot provide ("" when complete)
 */
public record CarrierReport(LocalDateTime from, LocalDateTime to, List<String> servers, CarrierMetrics overall,
                            Map<SeriesKey, CarrierMetrics> byCarrier, Map<SeriesKey, CarrierMetrics> byServer,
                            Map<SeriesKey, CarrierMetrics> byCampaign, Map<SeriesKey, CarrierMetrics> detail,
                            AttributionStats attribution,
                            String schemaNote) {

    public CarrierReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        servers = List.copyOf(servers);
        Objects.requireNonNull(overall, "overall");
        byCarrier = ordered(byCarrier);
        byServer = ordered(byServer);
        byCampaign = ordered(byCampaign);
        detail = ordered(detail);
        Objects.requireNonNull(attribution, "attribution");
        schemaNote = Objects.requireNonNullElse(schemaNote, "");
    }

    private static Map<SeriesKey, CarrierMetrics> ordered(Map<SeriesKey, CarrierMetrics> m) {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
    }
}
