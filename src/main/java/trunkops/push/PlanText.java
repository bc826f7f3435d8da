package trunkops.push;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a carrier's dialplan text creates once loaded: every {@code exten/priority} ({@code exten =>} lines with
 * a number or {@code n}, {@code same =>} lines) and the route's version marker ({@code NoOp(trunkops route R vN)}).
 */
public record PlanText(Set<String> priorities, Optional<String> marker) {

    private static final Pattern EXTEN =
            Pattern.compile("^\\s*exten\\s*=>?\\s*([^,]+),\\s*([^,(]+)(?:\\([^)]*\\))?,.*$");
    private static final Pattern SAME = Pattern.compile("^\\s*same\\s*=>?\\s*([^,(]+)(?:\\([^)]*\\))?,.*$");
    private static final Pattern MARKER = Pattern.compile("NoOp\\((trunkops route [^ )]+ v[0-9]+)\\)");

    public static PlanText of(String text) {
        Set<String> out = new LinkedHashSet<>();
        String exten = null;
        int last = 0;
        String marker = null;
        for (String line : text.split("\n")) {
            Matcher m = EXTEN.matcher(line);
            Matcher s = SAME.matcher(line);
            String prio;
            if (m.matches()) {
                String e = m.group(1).strip();
                last = e.equals(exten) ? last : 0;
                exten = e;
                prio = m.group(2).strip();
            } else if (s.matches() && exten != null) {
                prio = s.group(1).strip();
            } else {
                continue;
            }
            last = prio.equals("n") ? last + 1 : parse(prio, last);
            out.add(exten + "/" + last);
            Matcher mk = MARKER.matcher(line);
            if (marker == null && mk.find()) {
                marker = mk.group(1);
            }
        }
        return new PlanText(Set.copyOf(out), Optional.ofNullable(marker));
    }

    private static int parse(String prio, int last) {
        try {
            return Integer.parseInt(prio);
        } catch (NumberFormatException e) {
            return last + 1;
        }
    }

    /** The route's marker prefix, any version: {@code trunkops route R v}. */
    public static String markerPrefix(String carrierId) {
        return "trunkops route " + carrierId + " v";
    }
}
