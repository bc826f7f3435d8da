package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.db.DbLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.health.BoardSnapshot;
import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;
import trunkops.traffic.QualityAlarm.ProbeVerdict;

/** What the board tells the quality alarms about a carrier's probes: OK only on fresh, all-reachable data. */
class ProbeVerdictTest {

    private static TrunkView trunk(String server, String carrier, TrunkState state) {
        return new TrunkView(new TrunkKey(server, Tech.SIP, carrier.toLowerCase()), carrier, carrier, "10.0.0.1",
                state, false, TrunkScope.NONE, 20, 0, "", 0, 0, new short[0], 1000);
    }

    private static BoardSnapshot board(TrunkView... trunks) {
        return new BoardSnapshot("c", true, null, List.of(), List.of(trunks), List.of(), List.of(),
                new DbLinkStatus(DbLinkState.UP, "", 0), null, 1, 0, 0);
    }

    @Test
    void okOnlyWhenEveryTrunkOfTheCarrierIsReachable() {
        BoardSnapshot b = board(trunk("D1", "A", TrunkState.REACHABLE), trunk("D2", "A", TrunkState.REACHABLE),
                trunk("D1", "B", TrunkState.REACHABLE), trunk("D2", "B", TrunkState.LAGGED),
                trunk("D1", "C", TrunkState.REACHABLE), trunk("D2", "C", TrunkState.STALE),
                trunk("D1", "D", TrunkState.UNMONITORED), trunk("D1", "E", TrunkState.UNREACHABLE),
                trunk("D2", "E", TrunkState.UNKNOWN));
        assertEquals(ProbeVerdict.OK, ConsoleSession.probeVerdict(b, "A"));
        assertEquals(ProbeVerdict.NOT_OK, ConsoleSession.probeVerdict(b, "B"));
        assertEquals(ProbeVerdict.UNKNOWN, ConsoleSession.probeVerdict(b, "C"), "stale data is not OK");
        assertEquals(ProbeVerdict.UNKNOWN, ConsoleSession.probeVerdict(b, "D"), "nothing probes it");
        assertEquals(ProbeVerdict.NOT_OK, ConsoleSession.probeVerdict(b, "E"));
        assertEquals(ProbeVerdict.UNKNOWN, ConsoleSession.probeVerdict(b, "F"), "not on the board");
        assertEquals(ProbeVerdict.UNKNOWN, ConsoleSession.probeVerdict(null, "A"), "no board yet");
    }
}
