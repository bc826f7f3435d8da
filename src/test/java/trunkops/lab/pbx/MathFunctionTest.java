package trunkops.lab.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MATH() as func_math.c: one operator, float by default, int/hex/char on request, TRUE/FALSE comparisons. */
class MathFunctionTest {

    @ParameterizedTest(name = "MATH({0}) = ''{1}''")
    @CsvSource(delimiter = ';', value = {
        "1+1;2.000000",
        "1+1,i;2",
        "1+1,int;2",
        "7/2,i;3",
        "7/2;3.500000",
        "7/0,i;0",
        "7%3,i;1",
        "-3+5,i;2",
        "5-7,i;-2",
        "2^10,i;1024",
        "5>3;TRUE",
        "5<=3;FALSE",
        "5==5;TRUE",
        "255+0,h;ff",
        "1 + 1,i;2",
        "abc+1;''",
        "42;''",
        "1+1,x;''",
    })
    void computes(String args, String expected) {
        assertEquals(expected, MathFunction.apply(args));
    }
}
