package trunkops.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void aNewlineInANameCannotForgeASecondLine() {
        String forged = "x\n127.0.0.1 nsvoice REACHABLE 20 0";
        String shown = SafeText.display(forged);
        assertFalse(shown.contains("\n"));
        assertEquals("x\\n127.0.0.1 nsvoice REACHABLE 20 0", shown);
    }

    @Test
    void terminalEscapesCarriageReturnsAndNulAreWrittenVisibly() {
        assertEquals("a\\x1b[2Jb\\rc\\x00d\\x7f\\x9b", SafeText.display("a\u001b[2Jb\rc\u0000d\u007f\u009b"));
        assertEquals("evil\\u202egnp.exe", SafeText.display("evil\u202egnp.exe"));
        assertEquals("a\\u2028b", SafeText.display("a\u2028b"));
    }

    @Test
    void aLiteralBackslashEscapeCannotPassForARealControlCharacter() {
        assertEquals("x\\\\n1", SafeText.display("x\\n1"));
        assertEquals("x\\n1", SafeText.display("x\n1"));
        assertEquals("C:\\dir", SafeText.display("C:\\dir"));
        assertFalse(SafeText.isClean("a\\x1b"));
    }

    @Test
    void utf8NamesAndPlainNamesAreKept() {
        String plain = "nsvoice-east_1";
        assertSame(plain, SafeText.display(plain));
        assertEquals("Téléphonie Łódź 電話 😀", SafeText.display("Téléphonie Łódź 電話 😀"));
        assertTrue(SafeText.isClean("Téléphonie"));
        assertFalse(SafeText.isClean("a\tb"));
        assertEquals("", SafeText.display(null));
    }
}
