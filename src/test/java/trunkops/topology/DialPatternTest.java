package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DialPatternTest {

    private static boolean m(String pattern, String number) {
        return DialPattern.of(pattern).matches(number);
    }

    /** The first pattern in ext_cmp order that matches, as Asterisk picks it. */
    private static Optional<String> winner(String number, String... patterns) {
        List<DialPattern> sorted = new ArrayList<>(List.of(patterns).stream().map(DialPattern::of).toList());
        Collections.sort(sorted);
        return sorted.stream().filter(p -> p.matches(number)).map(DialPattern::text).findFirst();
    }

    @Test
    void digitClassesMatchTheirRanges() {
        assertTrue(m("_X", "0"));
        assertTrue(m("_X", "9"));
        assertFalse(m("_X", "a"));
        assertFalse(m("_X", "55"), "X is exactly one digit");
        assertFalse(m("_Z", "0"));
        assertTrue(m("_Z", "1"));
        assertFalse(m("_N", "1"));
        assertTrue(m("_N", "2"));
        assertTrue(m("_nxx", "200"), "class letters are case-insensitive");
    }

    @Test
    void setsWithRangesAndLiterals() {
        DialPattern p = DialPattern.of("_[1-35]");
        assertTrue(p.matches("1"));
        assertTrue(p.matches("3"));
        assertFalse(p.matches("4"));
        assertTrue(p.matches("5"));
        assertFalse(m("_[1-3", "1"), "an unclosed set matches nothing");
        assertTrue(m("_[]9", "9"), "an empty set is ignored");
    }

    @Test
    void dotNeedsOneOrMoreBangZeroOrMore() {
        assertFalse(m("_9.", "9"));
        assertTrue(m("_9.", "91"));
        assertTrue(m("_9.", "9123456"));
        assertTrue(m("_9!", "9"));
        assertTrue(m("_9!", "91"));
    }

    @Test
    void dashesAreIgnoredLiteralsAreExactAndCaseSensitive() {
        assertTrue(m("_1-NXX-NXX-XXXX", "12025550143"));
        assertTrue(m("_1NXXNXXXXXX", "1-202-555-0143"));
        assertTrue(m("8365", "8365"));
        assertTrue(m("83-65", "8365"));
        assertFalse(m("8365", "83650"));
        assertFalse(m("_a", "A"));
    }

    @Test
    void nanpPatternAsViciDialWritesIt() {
        DialPattern p = DialPattern.of("_91NXXNXXXXXX");
        assertTrue(p.matches("912025550143"));
        assertFalse(p.matches("91202555014"), "one digit short");
        assertFalse(p.matches("9120255501430"), "one digit long");
        assertFalse(p.matches("911025550143"), "area code may not start with 1");
        assertFalse(p.matches("812025550143"));
    }

    @Test
    void extCmpOrder() {
        List<DialPattern> list = new ArrayList<>(List.of("_X.", "_9!", "_[1-3]X.", "_9X.", "8365", "_91NXXNXXXXXX")
                .stream().map(DialPattern::of).toList());
        Collections.sort(list);
        assertEquals(List.of("8365", "_91NXXNXXXXXX", "_9X.", "_9!", "_[1-3]X.", "_X."),
                list.stream().map(DialPattern::text).toList());
    }

    @Test
    void classesOrderLiteralSmallerSetNZXDotBang() {
        List<DialPattern> list = new ArrayList<>(List.of("_!", "_.", "_X", "_Z", "_N", "_[23]", "_5")
                .stream().map(DialPattern::of).toList());
        Collections.sort(list);
        assertEquals(List.of("_5", "_[23]", "_N", "_Z", "_X", "_.", "_!"),
                list.stream().map(DialPattern::text).toList());
    }

    @Test
    void precedenceAmongMatchingPatterns() {
        assertEquals(Optional.of("_91NXXNXXXXXX"), winner("912025550143", "_X.", "_91NXXNXXXXXX"));
        assertEquals(Optional.of("_91NXXNXXXXXX"), winner("912025550143", "_91NXXNXXXXXX", "_X."));
        assertEquals(Optional.of("_9X."), winner("92025550143", "_X.", "_9X."));
        assertEquals(Optional.of("_9!"), winner("95", "_X.", "_9X.", "_9!"), "_9X. needs a third digit");
        assertEquals(Optional.of("8365"), winner("8365", "_X.", "_8XXX", "8365"), "literal extensions first");
        assertEquals(Optional.empty(), winner("*97", "_X.", "_9X."));
    }

    @Test
    void equivalentSpellingsAreOneExtension() {
        assertTrue(DialPattern.of("_91[2-9]XX").sameExtensionAs(DialPattern.of("_91NXX")));
        assertTrue(DialPattern.of("_9-1NXX").sameExtensionAs(DialPattern.of("_91NXX")));
        assertFalse(DialPattern.of("_91[2-8]XX").sameExtensionAs(DialPattern.of("_91NXX")));
        assertTrue(DialPattern.of("_91[2-8]XX").compareTo(DialPattern.of("_91NXX")) < 0, "smaller set first");
    }

    @Test
    void canMatchPrefix() {
        DialPattern nanp = DialPattern.of("_91NXXNXXXXXX");
        assertTrue(nanp.canMatchPrefix(""));
        assertTrue(nanp.canMatchPrefix("9"));
        assertTrue(nanp.canMatchPrefix("91"));
        assertTrue(nanp.canMatchPrefix("912"));
        assertFalse(nanp.canMatchPrefix("911"));
        assertFalse(nanp.canMatchPrefix("8"));
        assertTrue(nanp.canMatchPrefix("912025550143"), "the complete number is a prefix of itself");
        assertFalse(nanp.canMatchPrefix("9120255501430"));
        assertTrue(DialPattern.of("_X.").canMatchPrefix("7"));
        assertFalse(DialPattern.of("_7").canMatchPrefix("71"));
        assertTrue(DialPattern.of("_7!").canMatchPrefix("71"));
        assertTrue(DialPattern.of("8365").canMatchPrefix("83"));
        assertFalse(DialPattern.of("8365").canMatchPrefix("84"));
    }

    @Test
    void callerIdPartIsNotPartOfTheName() {
        assertEquals("_X.", DialPattern.of("_X./2025550143").text());
    }
}
