package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;

/**
 * A line diff of two texts (java-diff-utils' Myers diff), as the history pane lists it: every line of both texts in
 * order, each marked unchanged, removed (only in the older) or added (only in the newer), with its line numbers.
 * The mark is also a {@code -}/{@code +} prefix, so a change reads without colour.
 */
public final class TextDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    /**
     * @param oldLine 1-based line in the older text, 0 for an added line
     * @param newLine 1-based line in the newer text, 0 for a removed line
     */
    public record Line(Kind kind, int oldLine, int newLine, String text) {

        /** {@code "  12    12   text"}, {@code "- 12         text"}, {@code "+       13   text"}. */
        public String display() {
            String mark = switch (kind) {
                case SAME -> " ";
                case REMOVED -> "-";
                case ADDED -> "+";
            };
            return mark + String.format(" %4s %4s  ", oldLine == 0 ? "" : oldLine, newLine == 0 ? "" : newLine)
                    + text;
        }
    }

    private TextDiff() {
    }

    public static List<Line> lines(String older, String newer) {
        List<String> a = older.lines().toList();
        List<String> b = newer.lines().toList();
        List<Line> out = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b, true).getDeltas()) {
            Chunk<String> src = d.getSource();
            Chunk<String> dst = d.getTarget();
            if (d.getType() == DeltaType.EQUAL) {
                for (int i = 0; i < src.size(); i++) {
                    out.add(new Line(Kind.SAME, src.getPosition() + i + 1, dst.getPosition() + i + 1,
                            src.getLines().get(i)));
                }
                continue;
            }
            for (int i = 0; i < src.size(); i++) {
                out.add(new Line(Kind.REMOVED, src.getPosition() + i + 1, 0, src.getLines().get(i)));
            }
            for (int i = 0; i < dst.size(); i++) {
                out.add(new Line(Kind.ADDED, 0, dst.getPosition() + i + 1, dst.getLines().get(i)));
            }
        }
        return out;
    }

    /** How many lines were removed and added: {@code -2 +3}, or {@code no change}. */
    public static String summary(List<Line> lines) {
        long removed = lines.stream().filter(l -> l.kind() == Kind.REMOVED).count();
        long added = lines.stream().filter(l -> l.kind() == Kind.ADDED).count();
        return removed == 0 && added == 0 ? "no change" : "-" + removed + " +" + added;
    }
}
