package trunkops.traffic;

import java.util.Map;

/**
 * How the rows of a span were attributed: rows per source of the dialed string, and unattributed rows per reason.
 * Shown next to every chart and report, so an unattributed share is never hidden.
 */
public record AttributionStats(Map<Attribution.Source, Long> bySource, Map<Attribution.Problem, Long> unattributedBy) {

    public AttributionStats {
        bySource = Map.copyOf(bySource);
        unattributedBy = Map.copyOf(unattributedBy);
    }

    public long rows() {
        return bySource.values().stream().mapToLong(Long::longValue).sum();
    }

    public long unattributed() {
        return unattributedBy.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for an operator, e.g. {@code 148,210 rows: 148,190 by Local channel, 12 by call_log, 8 unattributed}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d rows", rows()));
        String sep = ": ";
        for (Attribution.Source s : Attribution.Source.values()) {
            long n = bySource.getOrDefault(s, 0L);
            if (n > 0 && s != Attribution.Source.NONE) {
                sb.append(sep).append(String.format(java.util.Locale.ROOT, "%,d via %s", n, label(s)));
                sep = ", ";
            }
        }
        for (Attribution.Problem p : Attribution.Problem.values()) {
            long n = unattributedBy.getOrDefault(p, 0L);
            if (n > 0) {
                sb.append(sep).append(String.format(java.util.Locale.ROOT, "%,d unattributed (%s)", n,
                        p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
                sep = ", ";
            }
        }
        return sb.toString();
    }

    private static String label(Attribution.Source s) {
        return switch (s) {
            case LOCAL_CHANNEL -> "Local channel";
            case CALL_LOG -> "call_log";
            case DIAL_LOG -> "dial log";
            case NONE -> "nothing";
        };
    }
}
