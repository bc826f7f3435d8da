package trunkops.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import trunkops.routing.TrunkHealthInput.State;
import trunkops.routing.WhatIfAnswer.Attempt;
import trunkops.routing.WhatIfAnswer.Plan;
import trunkops.topology.NumberRouter.Step;
import trunkops.topology.Trunk;

/**
 * A plain ViciDial carrier's extension run for a what-if: each Dial rings its trunks together; a Dial whose trunks are
 * all down returns CHANUNAVAIL and the dialplan goes on to the next priority, or to the label of a {@code GotoIf}
 * that tests CHANUNAVAIL; {@code Hangup} or the end of the extension ends the call. Offline flags are not read by
 * such a carrier, so an offline trunk still takes calls.
 */
final class CarrierWalk {

    private CarrierWalk() {
    }

    /** The Dial steps in the order a call reaches them when every Dial before fails with CHANUNAVAIL. */
    static List<List<Trunk>> order(List<Step> steps) {
        List<List<Trunk>> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int i = 0;
        while (i >= 0 && i < steps.size() && seen.add(i)) {
            Step s = steps.get(i);
            if (s.isDial()) {
                if (!s.trunks().isEmpty()) {
                    out.add(s.trunks());
                }
                i++;
            } else if (s.app().equalsIgnoreCase("GotoIf")) {
                i = gotoIf(steps, i, s.args());
            } else if (ends(s.app())) {
                break;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean ends(String app) {
        String a = app.toLowerCase(Locale.ROOT);
        return a.equals("hangup") || a.equals("goto") || a.equals("return") || a.equals("congestion")
                || a.equals("busy");
    }

    /** {@code cond?yes[:no]}: true when the condition tests CHANUNAVAIL (a failed Dial's status). */
    private static int gotoIf(List<Step> steps, int i, String args) {
        int q = args.indexOf('?');
        if (q < 0) {
            return i + 1;
        }
        boolean yes = args.substring(0, q).contains("CHANUNAVAIL");
        String[] targets = args.substring(q + 1).split(":", 2);
        String target = yes ? targets[0] : targets.length > 1 ? targets[1] : "";
        if (target.isBlank()) {
            return i + 1;
        }
        String label = target.contains(",") ? target.substring(target.lastIndexOf(',') + 1) : target;
        for (int j = 0; j < steps.size(); j++) {
            Step s = steps.get(j);
            if (s.label().equals(label.strip()) || String.valueOf(s.priority()).equals(label.strip())) {
                return j;
            }
        }
        return -1;
    }

    static Plan plan(List<Step> steps, TrunkHealthInput health, String carrierId) {
        List<List<Trunk>> order = order(steps);
        List<Attempt> attempts = new ArrayList<>();
        boolean taken = false;
        int position = 0;
        for (List<Trunk> group : order) {
            List<Trunk> live = group.stream().filter(t -> health.state(t) != State.DOWN).toList();
            if (live.isEmpty()) {
                continue;
            }
            position++;
            for (Trunk t : live) {
                attempts.add(new Attempt(position, trunk(t), health.state(t), taken ? 0 : 1.0 / live.size()));
            }
            taken = true;
        }
        if (attempts.isEmpty()) {
            return new Plan(List.of(), true, "no route: calls fail (every trunk carrier " + carrierId
                    + " dials is down)");
        }
        String first = String.join(" + ", attempts.stream().filter(a -> a.position() == 1).map(Attempt::trunk)
                .toList());
        return new Plan(attempts, false, first + " takes every call" + (position > 1
                ? "; on CHANUNAVAIL the carrier's dialplan goes on to " + String.join(", ", attempts.stream()
                .filter(a -> a.position() > 1).map(Attempt::trunk).toList()) : ""));
    }

    static String trunk(Trunk t) {
        return t.tech() + "/" + t.name();
    }
}
