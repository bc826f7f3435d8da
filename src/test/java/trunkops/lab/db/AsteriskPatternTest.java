package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AsteriskPatternTest {

    @Test
    void classesMatchTheirDigits() {
        AsteriskPattern p = AsteriskPattern.of("_91NXXNXXXXXX");
        assertTrue(p.matches("912125551234"));
        assertFalse(p.matches("911125551234"), "N is 2-9");
        assertFalse(p.matches("91212555123"), "too short");
        assertFalse(p.matches("9121255512345"), "too long");
        assertFalse(p.matches("812125551234"));
        assertTrue(AsteriskPattern.of("_Z").matches("1"));
        assertFalse(AsteriskPattern.of("_Z").matches("0"));
        assertTrue(AsteriskPattern.of("_x").matches("0"), "lower case classes too");
        assertTrue(AsteriskPattern.of("_[13-5]").matches("4"));
        assertFalse(AsteriskPattern.of("_[13-5]").matches("2"));
        assertTrue(AsteriskPattern.of("_9-1-NXX").matches("91200"), "dashes are eye candy");
    }

    @Test
    void wildcardsAndLiterals() {
        assertTrue(AsteriskPattern.of("_9.").matches("91"));
        assertFalse(AsteriskPattern.of("_9.").matches("9"), ". needs one or more");
        assertTrue(AsteriskPattern.of("_9!").matches("9"), "! takes zero or more");
        assertTrue(AsteriskPattern.of("_9!").matches("9123"));
        assertTrue(AsteriskPattern.of("8368").matches("8368"));
        assertFalse(AsteriskPattern.of("8368").matches("83681"));
        assertFalse(AsteriskPattern.of("8368").isPattern());
        assertThrows(IllegalArgumentException.class, () -> AsteriskPattern.of("_9[12"));
    }

    @Test
    void specificityFollowsAsterisksSortOrder() {
        List<AsteriskPattern> sorted = new ArrayList<>(List.of(
                AsteriskPattern.of("_9!"), AsteriskPattern.of("_9."), AsteriskPattern.of("_9X."),
                AsteriskPattern.of("_9Z."), AsteriskPattern.of("_9N."), AsteriskPattern.of("_9[1-4]."),
                AsteriskPattern.of("_91."), AsteriskPattern.of("91")));
        sorted.sort(AsteriskPattern.SPECIFICITY);
        assertEquals(List.of("91", "_91.", "_9[1-4].", "_9N.", "_9Z.", "_9X.", "_9.", "_9!"),
                sorted.stream().map(AsteriskPattern::text).toList());
    }

    @Test
    void equalSizedSetsPutTheLowerCharactersFirst() {
        AsteriskPattern low = AsteriskPattern.of("_9[12]");
        AsteriskPattern high = AsteriskPattern.of("_9[13]");
        assertTrue(AsteriskPattern.SPECIFICITY.compare(low, high) < 0);
        assertTrue(AsteriskPattern.SPECIFICITY.compare(high, low) > 0);
        assertEquals(0, AsteriskPattern.SPECIFICITY.compare(low, AsteriskPattern.of("_9[21]")));
    }
}
