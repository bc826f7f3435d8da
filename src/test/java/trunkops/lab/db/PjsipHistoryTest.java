package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;

/** The PJSIP twin's 24 h of history routes PJSALES through the PJSIP carriers' dialplan entries. */
class PjsipHistoryTest {

    @Test
    void pjsipCarriersGetHistoryThroughTheirEndpoints() {
        LabClusterSpec spec = LabDefaults.pjsipCluster();
        HistoryOptions options = HistoryOptions.withDefaultIncidents(spec, Instant.parse("2026-11-27T03:00:00Z"),
                20261127L, ZoneId.of("America/New_York"));
        CallHistory history = new CallHistoryGenerator(spec).generate(options);
        Map<String, Long> byCarrier = history.calls().stream().filter(GeneratedCall::routed)
                .collect(Collectors.groupingBy(GeneratedCall::carrierId, Collectors.counting()));
        assertTrue(byCarrier.getOrDefault("ZENTRA", 0L) > 100, byCarrier.toString());
        assertTrue(byCarrier.getOrDefault("KESTREL", 0L) > 100, byCarrier.toString());
        Map<String, Long> peers = history.calls().stream().filter(GeneratedCall::routed)
                .flatMap(c -> c.legs().stream()).map(GeneratedCall.Leg::peer)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertTrue(peers.containsKey("zentra") && peers.containsKey("kestrel"), peers.toString());
        assertTrue(byCarrier.getOrDefault("NSVOICE", 0L) > 100, "chan_sip carriers keep their traffic: " + byCarrier);
        // the far end of a PJSIP trunk is its aor's contact: its calls are answered, busy ... as its mix says
        for (String endpoint : java.util.List.of("zentra", "kestrel")) {
            java.util.List<GeneratedCall.Leg> legs = history.calls().stream().flatMap(c -> c.legs().stream())
                    .filter(l -> l.peer().equals(endpoint)).toList();
            assertTrue(legs.stream().allMatch(l -> l.farEndHost().equals(endpoint.equals("zentra") ? LabDefaults.ZENTRA_HOST
                    : LabDefaults.KESTREL_HOST)), endpoint);
            long answered = legs.stream().filter(l -> l.outcome() == CallOutcome.ANSWER).count();
            assertTrue(answered > legs.size() / 5, endpoint + ": " + answered + " of " + legs.size() + " answered");
        }
    }
}
