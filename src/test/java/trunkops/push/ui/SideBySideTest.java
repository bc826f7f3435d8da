package trunkops.push.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void pairsChangedLinesAndNumbersBothSides() {
        SideBySide d = SideBySide.of("a\nb\n\nc\nd", "a\nX\nY\nZ\n\nc");
        assertEquals(List.of(
                new SideBySide.Row(SideBySide.Mark.SAME, 1, "a", 1, "a"),
                new SideBySide.Row(SideBySide.Mark.CHANGED, 2, "b", 2, "X"),
                new SideBySide.Row(SideBySide.Mark.ADDED, 0, "", 3, "Y"),
                new SideBySide.Row(SideBySide.Mark.ADDED, 0, "", 4, "Z"),
                new SideBySide.Row(SideBySide.Mark.SAME, 3, "", 5, ""),
                new SideBySide.Row(SideBySide.Mark.SAME, 4, "c", 6, "c"),
                new SideBySide.Row(SideBySide.Mark.REMOVED, 5, "d", 0, "")), d.rows());
        assertEquals("~1 -1 +2", d.summary());
    }

    @Test
    void aNewRouteIsAllAddedAndIdenticalTextsAreNoChange() {
        SideBySide d = SideBySide.of("", "x\ny");
        assertEquals(2, d.added());
        assertTrue(d.rows().stream().allMatch(r -> r.mark() == SideBySide.Mark.ADDED && r.liveLine() == 0));
        SideBySide same = SideBySide.of("x\ny", "x\ny");
        assertTrue(same.identical());
        assertEquals("no change", same.summary());
    }
}
