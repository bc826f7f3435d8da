package trunkops.push;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a dialer's {@code [vicidial-auto-external]} back and says whether it holds exactly what a row's text
 * creates: the version marker (and no other version of the route), every exten/priority of the text, and none of
 * the priorities only the replaced text had. For "no row", no marker of the route may be left.
 */
final class Verifier {

    static final String CONTEXT = "vicidial-auto-external";

    private Verifier() {
    }

    /** Empty when the loaded dialplan matches {@code want}; otherwise what is wrong. */
    static Optional<String> check(List<DialplanReader.Priority> loaded, String route, Optional<RouterRow> want,
                                  Optional<RouterRow> replaced) {
        Set<String> have = new HashSet<>();
        Set<String> markers = new HashSet<>();
        String prefix = PlanText.markerPrefix(route);
        for (DialplanReader.Priority p : loaded) {
            have.add(p.exten() + "/" + p.priority());
            String data = p.appData() == null ? "" : p.appData();
            if ("NoOp".equalsIgnoreCase(p.application()) && data.startsWith(prefix)) {
                markers.add(data.strip());
            }
        }
        if (want.isEmpty()) {
            return markers.isEmpty() ? Optional.empty() : Optional.of("route still loaded: " + markers);
        }
        PlanText plan = PlanText.of(want.get().dialplanEntry());
        List<String> wrong = new ArrayList<>();
        Set<String> expectedMarkers = plan.marker().map(Set::of).orElse(Set.of());
        if (!markers.equals(expectedMarkers)) {
            wrong.add("markers " + markers + ", expected " + expectedMarkers);
        }
        List<String> missing = plan.priorities().stream().filter(p -> !have.contains(p)).sorted().toList();
        if (!missing.isEmpty()) {
            wrong.add(missing.size() + " of " + plan.priorities().size() + " priorities missing (first "
                    + missing.get(0) + ")");
        }
        replaced.map(r -> PlanText.of(r.dialplanEntry()).priorities()).ifPresent(old -> {
            long left = old.stream().filter(p -> !plan.priorities().contains(p) && have.contains(p)).count();
            if (left > 0) {
                wrong.add(left + " priorities of the replaced text still loaded");
            }
        });
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }
}
