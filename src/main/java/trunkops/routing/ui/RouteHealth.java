package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import trunkops.routing.LiveSplit;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;

/**
 * A route's members as the board shows them now: each member's worst state over the dialers the route runs on
 * (a member down on one dialer fails calls there), its live calls, and the route's one-line summary
 * ({@code 2/2 up ✔}, {@code 1/2 up ⚠}). A member is up when it is reachable (or not qualified, so Asterisk dials it)
 * on every such dialer where the board knows it; unknown and stale are neither up nor down.
 */
public record RouteHealth(Route route, List<Member> members) {

    /**
     * @param worst  the worst trunk over the route's dialers, or null when no such dialer has the trunk on the board
     * @param where  the dialers showing that state when the others differ (for a member down on some of them)
     * @param calls  live calls over those dialers
     */
    public record Member(RouteMember member, LiveBoard.Trunk worst, List<String> where, int calls) {

        public boolean up() {
            return worst != null && worst.health() == LiveBoard.Health.UP;
        }

        /** OK when up, CRIT when unreachable or lagged, UNKNOWN otherwise (unknown, stale, not on the board). */
        public Tone tone() {
            if (up()) {
                return Tone.OK;
            }
            return worst != null && worst.health() == LiveBoard.Health.DOWN ? Tone.CRIT : Tone.UNKNOWN;
        }

        public LiveSplit.MemberNow now() {
            return new LiveSplit.MemberNow(up(), calls);
        }

        /** {@code ✔ Reachable}, {@code ✖ Unreachable on DIALER2}, {@code ? not on the board}: reads without colour. */
        public String text() {
            if (worst == null) {
                return "? not on the board";
            }
            return worst.glyph() + " " + worst.word() + (where.isEmpty() ? "" : " on " + String.join(", ", where));
        }
    }

    /** The tone a summary or member shows in (colour only; the text says the same). */
    public enum Tone { OK, WARN, CRIT, UNKNOWN }

    public static RouteHealth of(Route route, LiveBoard board) {
        List<Member> out = new ArrayList<>();
        for (RouteMember m : route.members()) {
            out.add(member(route, m, board));
        }
        return new RouteHealth(route, out);
    }

    private static Member member(Route route, RouteMember m, LiveBoard board) {
        if (board == null) {
            return new Member(m, null, List.of(), 0);
        }
        List<LiveBoard.Trunk> views = board.trunks().stream()
                .filter(t -> route.allDialers() || route.dialers().contains(t.serverIp()))
                .filter(t -> t.tech() == m.tech() && m.tech().sameName(t.peer(), m.peer())).toList();
        if (views.isEmpty()) {
            return new Member(m, null, List.of(), 0);
        }
        LiveBoard.Trunk worst = views.stream().max(Comparator.comparingInt(LiveBoard.Trunk::badness)).orElseThrow();
        List<String> where = views.stream().filter(v -> v.badness() == worst.badness())
                .map(LiveBoard.Trunk::serverId).sorted().toList();
        int calls = views.stream().mapToInt(LiveBoard.Trunk::calls).sum();
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
        if (members.isEmpty() || members.stream().allMatch(x -> x.worst() == null)) {
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
