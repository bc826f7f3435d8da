package trunkops.routing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void everyLineOfBothTextsInOrderWithItsMarkAndNumbers() {
        List<TextDiff.Line> d = TextDiff.lines("a\nb\nc\n", "a\nB\nc\nd\n");
        assertEquals(List.of("  1 1 a", "- 2 _ b", "+ _ 2 B", "  3 3 c", "+ _ 4 d"), d.stream()
                .map(l -> (l.kind() == TextDiff.Kind.SAME ? " " : l.kind() == TextDiff.Kind.ADDED ? "+" : "-") + " "
                        + (l.oldLine() == 0 ? "_" : l.oldLine()) + " " + (l.newLine() == 0 ? "_" : l.newLine()) + " "
                        + l.text()).toList());
        assertEquals("-1 +2", TextDiff.summary(d));
        assertEquals("no change", TextDiff.summary(TextDiff.lines("x\n", "x\n")));
        assertEquals("-    2       b", d.get(1).display());
    }
}
