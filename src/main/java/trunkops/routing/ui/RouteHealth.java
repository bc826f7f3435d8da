package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import trunkops.health.BoardSnapshot;
import trunkops.health.ServerView;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.routing.LiveSplit;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;

/**
 * A route's members as the board shows them now: each member's worst state over the dialers the route runs on
 * (a member down on one dialer fails calls there), its live calls, and the route's one-line summary
 * ({@code 2/2 up ✔}, {@code 1/2 up ⚠}). A member is up when it is reachable (or not qualified, so Asterisk dials it)
 * on every such dialer where the board knows it; UNKNOWN and STALE are neither up nor down.
 */
public record RouteHealth(Route route, List<Member> members) {

    /** Worst first: the state a member shows when its dialers disagree. */
    private static final List<TrunkState> WORST_FIRST = List.of(TrunkState.UNREACHABLE, TrunkState.LAGGED,
            TrunkState.STALE, TrunkState.UNKNOWN, TrunkState.UNMONITORED, TrunkState.REACHABLE);

    /**
     * @param state  the worst state over the route's dialers, or null when no dialer has the trunk on the board
     * @param where  the dialers showing that state (for a member down on some of them)
     * @param calls  live calls over those dialers
     */
    public record Member(RouteMember member, TrunkState state, List<String> where, int calls) {

        public boolean up() {
            return state == TrunkState.REACHABLE || state == TrunkState.UNMONITORED;
        }

        /** OK when up, CRIT when unreachable or lagged, UNKNOWN otherwise (unknown, stale, not on the board). */
        public Tone tone() {
            if (up()) {
                return Tone.OK;
            }
            return state == TrunkState.UNREACHABLE || state == TrunkState.LAGGED ? Tone.CRIT : Tone.UNKNOWN;
        }

        public LiveSplit.MemberNow now() {
            return new LiveSplit.MemberNow(up(), calls);
        }

        /** {@code ✔ Reachable}, {@code ✖ Unreachable on DIALER2}, {@code ? not on the board}: reads without colour. */
        public String text() {
            if (state == null) {
                return "? not on the board";
            }
            return state.glyph() + " " + state.label() + (where.isEmpty() ? "" : " on " + String.join(", ", where));
        }
    }

    /** The tone a summary or member shows in (colour only; the text says the same). */
    public enum Tone { OK, WARN, CRIT, UNKNOWN }

    public static RouteHealth of(Route route, BoardSnapshot board) {
        List<Member> out = new ArrayList<>();
        for (RouteMember m : route.members()) {
            out.add(member(route, m, board));
        }
        return new RouteHealth(route, out);
    }

    private static Member member(Route route, RouteMember m, BoardSnapshot board) {
        if (board == null) {
            return new Member(m, null, List.of(), 0);
        }
        Set<String> dialers = board.servers().stream()
                .filter(s -> route.allDialers() || route.dialers().contains(s.serverIp()))
                .map(ServerView::serverId).collect(Collectors.toSet());
        List<TrunkView> views = board.trunks().stream().filter(t -> dialers.contains(t.serverId()))
                .filter(t -> t.key().tech() == m.tech() && m.tech().sameName(t.peer(), m.peer())).toList();
        if (views.isEmpty()) {
            return new Member(m, null, List.of(), 0);
        }
        TrunkState worst = views.stream().map(TrunkView::state)
                .min(java.util.Comparator.comparingInt(WORST_FIRST::indexOf)).orElseThrow();
        List<String> where = views.stream().filter(v -> v.state() == worst).map(TrunkView::serverId).sorted().toList();
        int calls = views.stream().mapToInt(TrunkView::calls).sum();
        return new Member(m, worst, where.size() == views.size() ? List.of() : where, calls);
    }

    public long upCount() {
        return members.stream().filter(Member::up).count();
    }

    public Member member(RouteMember m) {
        return members.stream().filter(x -> x.member().equals(m)).findFirst()
                .orElse(new Member(m, null, List.of(), 0));
    }

    public Tone tone() {
        if (members.isEmpty() || members.stream().allMatch(x -> x.state() == null)) {
            return Tone.UNKNOWN;
        }
        long up = upCount();
        if (up == members.size()) {
            return Tone.OK;
        }
        return up == 0 ? Tone.CRIT : Tone.WARN;
    }

    /** {@code 2/2 up ✔}, {@code 1/2 up ⚠}, {@code 0/2 up ✖}, {@code ? no board data}. */
    public String summary() {
        String counts = upCount() + "/" + members.size() + " up";
        return switch (tone()) {
            case OK -> counts + " \u2714";
            case WARN -> counts + " \u26A0";
            case CRIT -> counts + " \u2716";
            case UNKNOWN -> "? no board data";
        };
    }
}
