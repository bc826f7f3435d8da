package trunkops.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import trunkops.routing.TrunkHealthInput.State;
import trunkops.routing.WhatIfAnswer.Attempt;
import trunkops.routing.WhatIfAnswer.Plan;
import trunkops.topology.Trunk;

/**
 * How a TrunkOps route spreads calls over the members usable on one dialer (defined there, up, not offline, not at
 * their max calls): priority = the first by priority takes every call; weighted = the live weights re-spread over the
 * usable members; round-robin = equal; least-loaded = the fewest current calls (equal when calls are not known).
 * After the first attempt the rest follow in priority order, up to the route's max attempts.
 */
final class RouteSplit {

    private RouteSplit() {
    }

    private record Usable(RouteMember member, Trunk trunk, State state, int calls) {
    }

    static Plan plan(Route route, List<Trunk> onServer, TrunkHealthInput health, List<String> notes) {
        List<Usable> usable = new ArrayList<>();
        for (RouteMember m : route.byPriority()) {
            Optional<Trunk> t = onServer.stream()
                    .filter(x -> x.tech() == m.tech() && m.tech().sameName(x.name(), m.peer())).findFirst();
            if (t.isEmpty()) {
                notes.add(m.trunk() + " is not defined on this dialer: the route skips it (unavailable)");
                continue;
            }
            State s = health.state(t.get());
            int calls = health.calls(t.get()).orElse(-1);
            if (s != State.UP) {
                continue;
            }
            if (m.maxCalls().isPresent() && calls >= m.maxCalls().getAsInt()) {
                notes.add(m.trunk() + " is full (" + calls + " of " + m.maxCalls().getAsInt() + " calls)");
                continue;
            }
            usable.add(new Usable(m, t.get(), s, calls));
        }
        if (usable.isEmpty()) {
            return new Plan(List.of(), true, "no route: calls fail (no member of " + route.name()
                    + " is up and in service)");
        }
        double[] share = shares(route.strategy(), usable);
        int attempts = Math.min(route.maxAttempts(), usable.size());
        List<Attempt> out = new ArrayList<>();
        int next = 2;
        for (int i = 0; i < usable.size(); i++) {
            Usable u = usable.get(i);
            int position = share[i] > 0 ? 1 : next++;
            if (position <= attempts) {
                out.add(new Attempt(position, u.member().trunk(), u.state(), share[i]));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Attempt::position).thenComparing(a -> -a.share()));
        return new Plan(out, false, summary(route.strategy(), out));
    }

    private static double[] shares(Strategy strategy, List<Usable> usable) {
        int n = usable.size();
        double[] share = new double[n];
        switch (strategy) {
            case PRIORITY -> share[0] = 1;
            case ROUND_ROBIN -> java.util.Arrays.fill(share, 1.0 / n);
            case WEIGHTED -> {
                double total = usable.stream().mapToInt(u -> u.member().weight()).sum();
                for (int i = 0; i < n; i++) {
                    share[i] = total == 0 ? (i == 0 ? 1 : 0) : usable.get(i).member().weight() / total;
                }
            }
            case LEAST_LOADED -> {
                boolean known = usable.stream().allMatch(u -> u.calls() >= 0);
                int min = usable.stream().mapToInt(Usable::calls).min().orElse(0);
                long ties = known ? usable.stream().filter(u -> u.calls() == min).count() : n;
                for (int i = 0; i < n; i++) {
                    share[i] = !known || usable.get(i).calls() == min ? 1.0 / ties : 0;
                }
            }
        }
        return share;
    }

    private static String summary(Strategy strategy, List<Attempt> out) {
        StringBuilder sb = new StringBuilder(strategy.text()).append(": ");
        List<String> first = out.stream().filter(a -> a.share() > 0)
                .map(a -> a.trunk() + " " + Math.round(a.share() * 1000) / 10.0 + "%").toList();
        sb.append(String.join(", ", first));
        List<String> next = out.stream().filter(a -> a.share() == 0).map(Attempt::trunk).toList();
        if (!next.isEmpty()) {
            sb.append("; then ").append(String.join(", ", next));
        }
        return sb.toString();
    }
}
