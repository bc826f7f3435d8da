package trunkops.push.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.push.PushJob.Progress;
import trunkops.push.PushJob.Step;
import trunkops.push.PushReport;
import trunkops.push.PushStore;

class PushProgressTest {

    private static final List<PushStore.Dialer> DIALERS = List.of(new PushStore.Dialer("D1", "10.0.0.1"),
            new PushStore.Dialer("D2", "10.0.0.2"));

    @Test
    void waitingShowsTheShareOfTheExpectedMinuteAndVerifiedDialersTurnNewThenOldInARollback() {
        PushProgress p = new PushProgress(DIALERS, Duration.ofSeconds(180));
        p.step(new Progress("cluster", Step.WRITE, Duration.ZERO, "row on D1 only"));
        assertEquals(-1, p.snapshot().waitShare());
        p.step(new Progress("D1", Step.WAIT_RELOAD, Duration.ofSeconds(30), "waiting"));
        PushProgress.Snapshot s = p.snapshot();
        assertEquals(0.5, s.waitShare(), 1e-9);
        assertTrue(s.headline().contains("30 s of ~60 s expected"), s.headline());
        assertTrue(s.headline().contains("180 s"), s.headline());
        p.step(new Progress("D1", Step.VERIFY, Duration.ofSeconds(31), "verified"));
        assertEquals(PushProgress.Result.NEW, p.snapshot().rows().get(0).result());
        assertEquals(PushProgress.Result.PENDING, p.snapshot().rows().get(1).result());
        p.step(new Progress("cluster", Step.ROLLBACK, Duration.ofSeconds(32), "restoring: cancelled"));
        p.step(new Progress("D1", Step.VERIFY, Duration.ofSeconds(40), "verified"));
        assertTrue(p.snapshot().rollingBack());
        assertTrue(p.snapshot().headline().startsWith("Rolling back"), p.snapshot().headline());
        assertEquals(PushProgress.Result.OLD, p.snapshot().rows().get(0).result());
        assertEquals("rollback: reading back (ShowDialPlan)", p.snapshot().rows().get(0).step());
    }

    @Test
    void theReportIsFinal() {
        PushProgress p = new PushProgress(DIALERS, Duration.ofSeconds(180));
        p.step(new Progress("D1", Step.VERIFY, Duration.ofSeconds(3), "verified"));
        p.finished(new PushReport(PushReport.Outcome.FAILED, List.of(
                new PushReport.DialerState("D1", PushReport.State.UNKNOWN, "check ShowDialPlan", Duration.ZERO),
                new PushReport.DialerState("D2", PushReport.State.OLD, "not touched", Duration.ZERO)), "failed"));
        PushProgress.Snapshot s = p.snapshot();
        assertTrue(s.done());
        assertEquals(PushProgress.Result.UNKNOWN, s.rows().get(0).result());
        assertEquals("check ShowDialPlan", s.rows().get(0).detail());
        assertEquals(PushProgress.Result.OLD, s.rows().get(1).result());
        assertEquals("failed", s.headline());
    }
}
