package trunkops.lab.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** AST_STANDARD_APP_ARGS: commas inside parentheses, brackets and quotes do not split; blanks stay. */
class AppArgsTest {

    @Test
    void splitsLikeAsterisk() {
        assertEquals(List.of("TrunkOpsAttempt", "route: R1", " trunk: SIP/t1"),
                AppArgs.split("TrunkOpsAttempt,route: R1, trunk: SIP/t1"));
        assertEquals(List.of("a", "f(x,y)", "$[1,2]", "q,r", ""), AppArgs.split("a,f(x,y),$[1,2],\"q,r\","));
        assertEquals(List.of("a,b"), AppArgs.split("a\\,b"));
    }
}
