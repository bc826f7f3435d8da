package trunkops.app.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import trunkops.health.BoardSnapshot;
import trunkops.health.ServerView;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.routing.ui.LiveBoard;

/** The board reduced to what the Routes tab reads (the routing feature does not depend on health). */
final class RoutesBoard {

    /** Best first: a member shows the last of these its dialers report. */
    private static final List<TrunkState> BEST_FIRST = List.of(TrunkState.REACHABLE, TrunkState.UNMONITORED,
            TrunkState.UNKNOWN, TrunkState.STALE, TrunkState.LAGGED, TrunkState.UNREACHABLE);

    private RoutesBoard() {
    }

    static LiveBoard of(BoardSnapshot s) {
        Map<String, String> ips = s.servers().stream()
                .collect(Collectors.toMap(ServerView::serverId, ServerView::serverIp, (a, b) -> a));
        return new LiveBoard(s.topology(), s.trunks().stream().map(t -> trunk(t, ips.getOrDefault(t.serverId(), "")))
                .toList());
    }

    private static LiveBoard.Trunk trunk(TrunkView t, String ip) {
        TrunkState st = t.state();
        LiveBoard.Health h = st == TrunkState.REACHABLE || st == TrunkState.UNMONITORED ? LiveBoard.Health.UP
                : t.down() ? LiveBoard.Health.DOWN : LiveBoard.Health.UNSURE;
        return new LiveBoard.Trunk(t.serverId(), ip, t.key().tech(), t.peer(), st.glyph(), st.label(), h,
                BEST_FIRST.indexOf(st), t.calls());
    }
}
