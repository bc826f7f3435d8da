package trunkops.lab.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $[...]} as ast_expr2.y evaluates it in Asterisk 20 (floating point, string vs numeric, syntax errors). */
class ExprTest {

    @ParameterizedTest(name = "$[{0}] = ''{1}''")
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3;7",
        "(1 + 2) * 3;9",
        "7 / 2;3.5",
        "7 % 3;1",
        "10 - 4 - 3;3",
        "5 / 0;2147483647",
        "5 % 0;0",
        "\"abc\" = \"abc\";1",
        "\"abc\" != \"abd\";1",
        "\"10\" < \"9\";1",
        "10 < 9;0",
        "\"5\" + 1;1",
        "\"abc\";\"abc\"",
        "10 < 9;0",
        "\"b\" > \"a\";1",
        "\"10\" > \"9a\";0",
        "3 <= 3;1",
        "3 >= 4;0",
        "0 | 5;5",
        "\"\" | 0;\"\"",
        " | 0;0",
        "7 | 5;7",
        "1 & 0;0",
        "4 & 9;4",
        "\"x\" = \"x\" & 2 > 1;1",
        "1 ? 2 :: 3;2",
        "0 ? 2 :: 3;3",
        "= 0;0",
        "0 =;0",
        "( 1 + 2;0",
        "1 2;0",
        "! 0;1",
        "! \"\";1",
        "- 3 + 1;-2",
        "2 * 3 = 6 & 1;1",
        "\"abc\" =~ \"b.\";2",
        "\"12125551234\" : \"1(...)\";212",
        "\"\" = \"0\";0",
        "\"\" = \"\";1",
        "1700000000 > 1699999999;1",
    })
    void evaluates(String expression, String expected) {
        assertEquals(expected, Expr.evaluate(expression));
    }

    @org.junit.jupiter.api.Test
    void emptyOperandIsFalseForGotoIf() {
        assertEquals("", Expr.evaluate(" "), "$[] is empty");
        assertEquals("0", Expr.evaluate(" = 0"), "ast_expr leaves no value: pbx_substitute writes 0");
        assertEquals(false, Expr.truthy(Expr.evaluate(" = 0")));
        assertEquals(true, Expr.truthy(Expr.evaluate("\"\" = \"\"")));
    }
}
