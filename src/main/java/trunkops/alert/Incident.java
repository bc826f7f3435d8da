package trunkops.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One incident: the alerts about one carrier (or one subject without a carrier) no more than {@code gap} apart, with a
 * margin before the first and after the last so the timeline shows what led up to it and how it ended.
 *
 * @param key    the carrier id, or the subject for alerts without a carrier
 * @param from   first alert minus the margin
 * @param to     last alert plus the margin
 * @param alerts the incident's alerts, oldest first
 */
public record Incident(String key, Instant from, Instant to, List<Alert> alerts) {

    public static final Duration GAP = Duration.ofMinutes(30);
    public static final Duration MARGIN = Duration.ofMinutes(10);

    public Incident {
        Objects.requireNonNull(key, "key");
        alerts = List.copyOf(alerts);
    }

    /** {@code BLUELINE 2026-12-05 10:02–10:47 UTC (4 alerts)}: for titles and file names. */
    public String title(java.time.ZoneId zone) {
        java.time.format.DateTimeFormatter d = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(zone);
        java.time.format.DateTimeFormatter t = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        return key + " " + d.format(from) + "\u2013" + t.format(to) + " (" + alerts.size() + " alert"
                + (alerts.size() == 1 ? "" : "s") + ")";
    }

    static String keyOf(Alert a) {
        return a.carrierId().isEmpty() ? a.subject() : a.carrierId();
    }

    /** The incidents of {@code alerts} (any order), newest first. */
    public static List<Incident> group(List<Alert> alerts, Duration gap, Duration margin) {
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        alerts.stream().filter(a -> a.kind() != AlertKind.TEST).sorted(Comparator.comparing(Alert::at))
                .forEach(a -> byKey.computeIfAbsent(keyOf(a), k -> new ArrayList<>()).add(a));
        List<Incident> out = new ArrayList<>();
        byKey.forEach((key, list) -> {
            List<Alert> run = new ArrayList<>();
            for (Alert a : list) {
                if (!run.isEmpty() && a.at().isAfter(run.get(run.size() - 1).at().plus(gap))) {
                    out.add(of(key, run, margin));
                    run = new ArrayList<>();
                }
                run.add(a);
            }
            out.add(of(key, run, margin));
        });
        out.sort(Comparator.comparing(Incident::to).reversed());
        return out;
    }

    /** The incident that {@code alert} belongs to among {@code all}. */
    public static Incident around(Alert alert, List<Alert> all) {
        return group(all.contains(alert) ? all : concat(all, alert), GAP, MARGIN).stream()
                .filter(i -> i.alerts().contains(alert)).findFirst().orElseThrow();
    }

    private static List<Alert> concat(List<Alert> all, Alert a) {
        List<Alert> l = new ArrayList<>(all);
        l.add(a);
        return l;
    }

    private static Incident of(String key, List<Alert> run, Duration margin) {
        return new Incident(key, run.get(0).at().minus(margin), run.get(run.size() - 1).at().plus(margin), run);
    }
}
