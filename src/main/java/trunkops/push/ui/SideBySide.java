package trunkops.push.ui;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/**
 * What a dialer generates now beside what the push will write, row by row (java-diff-utils'
 * {@link DiffRowGenerator}): equal lines side by side, changed lines paired, removed lines with an empty right side,
 * added lines with an empty left side. Each row carries its line numbers and a mark ({@code ~} changed,
 * {@code -} only live, {@code +} only new), so a change reads without colour. FX-free.
 */
public record SideBySide(List<Row> rows, int removed, int added, int changed) {

    public enum Mark {
        SAME(" "), CHANGED("~"), REMOVED("-"), ADDED("+");

        private final String glyph;

        Mark(String glyph) {
            this.glyph = glyph;
        }

        public String glyph() {
            return glyph;
        }
    }

    /**
     * @param liveLine 1-based line in the live text, 0 when the row has none
     * @param newLine  1-based line in the new text, 0 when the row has none
     */
    public record Row(Mark mark, int liveLine, String live, int newLine, String next) {
    }

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create().showInlineDiffs(false)
            .ignoreWhiteSpaces(false).reportLinesUnchanged(true).build();

    public SideBySide {
        rows = List.copyOf(rows);
    }

    public static SideBySide of(String live, String next) {
        List<String> a = lines(live);
        List<String> b = lines(next);
        List<Row> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        int removed = 0;
        int added = 0;
        int changed = 0;
        for (DiffRow r : GENERATOR.generateDiffRows(a, b)) {
            switch (r.getTag()) {
                case EQUAL -> out.add(new Row(Mark.SAME, ++i, r.getOldLine(), ++j, r.getNewLine()));
                case CHANGE -> { // the generator pairs changed lines; a longer side follows as DELETE/INSERT
                    out.add(new Row(Mark.CHANGED, ++i, r.getOldLine(), ++j, r.getNewLine()));
                    changed++;
                }
                case DELETE -> {
                    out.add(new Row(Mark.REMOVED, ++i, r.getOldLine(), 0, ""));
                    removed++;
                }
                case INSERT -> {
                    out.add(new Row(Mark.ADDED, 0, "", ++j, r.getNewLine()));
                    added++;
                }
            }
        }
        return new SideBySide(out, removed, added, changed);
    }

    public boolean identical() {
        return removed == 0 && added == 0 && changed == 0;
    }

    /** {@code no change}, or {@code ~2 -1 +30} (changed, only live, only new). */
    public String summary() {
        return identical() ? "no change" : "~" + changed + " -" + removed + " +" + added;
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : s.lines().toList();
    }
}
