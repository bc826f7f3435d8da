package trunkops.health;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a down trunk is down alone, on every dialer of its carrier (carrier-wide) or only on some (server-local):
 * the scope the board shows with it.
 */
final class TrunkScopes {

    private TrunkScopes() {
    }

    static List<TrunkView> withScopes(List<TrunkView> partial) {
        List<TrunkView> out = new ArrayList<>(partial.size());
        for (TrunkView v : partial) {
            out.add(v.down() ? withScope(v, scopeOf(v, partial)) : v);
        }
        return out;
    }

    private static TrunkScope scopeOf(TrunkView down, List<TrunkView> all) {
        int present = 0;
        int downHere = 0;
        for (TrunkView v : all) {
            if (v.carrierId().equals(down.carrierId()) && v.peer().equals(down.peer())
                    && v.state() != TrunkState.STALE && v.state() != TrunkState.UNKNOWN) {
                present++;
                if (v.down()) {
                    downHere++;
                }
            }
        }
        if (present <= 1) {
            return TrunkScope.SINGLE;
        }
        return downHere == present ? TrunkScope.CARRIER_WIDE : TrunkScope.SERVER_LOCAL;
    }

    private static TrunkView withScope(TrunkView v, TrunkScope s) {
        return new TrunkView(v.key(), v.carrierId(), v.carrierName(), v.address(), v.state(), v.flapping(), s,
                v.latencyMs(), v.calls(), v.dialerStatus() + " \u2014 " + s.label(), v.updatedMillis(),
                v.sinceMillis(), v.sparkline(), v.maxMs(), v.forced(), v.registration());
    }
}
