package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import trunkops.testutil.AmiWireClient;

/**
 * An action that arrives while the PBX stops closes the session quietly, as Asterisk's shutdown does. It used to
 * escape the session's thread as a RejectedExecutionException, which TestFX then rethrew in an unrelated UI test
 * (full run of 2026-12-05, CarrierViewsLabTest).
 */
class LabPbxStopAmiTest {

    @Test
    void anActionDuringThePbxsStopClosesTheSessionWithNoUncaughtException() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try (FixtureLab lab = new FixtureLab(100.0);
             AmiWireClient c = new AmiWireClient(lab.ami.host(), lab.ami.port())) {
            c.send("Action: Login\r\nUsername: " + FixtureLab.USER + "\r\nSecret: " + FixtureLab.SECRET
                    + "\r\nEvents: off\r\n\r\n");
            assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), Duration.ofSeconds(10)));
            lab.pbx.close();
            c.send("Action: Ping\r\nActionID: late\r\n\r\n");
            assertTrue(c.awaitClose(Duration.ofSeconds(10)), "the session closes");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught);
    }
}
