package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.health.TimelineEntry;
import trunkops.traffic.QualityAlarm;

/** Quality alarm episodes in the board's timeline: a line when detected and one when cleared, newest first. */
class CallAlarmTimelineTest {

    private static long at(int h, int m) {
        return LocalDateTime.of(2026, 11, 26, h, m).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void episodesAreMergedIntoTheBoardsTimelineByTime() {
        List<TimelineEntry> board = List.of(
                new TimelineEntry(at(10, 30), "DIALER1", "DIALER1/nsvoice", "Reachable", "Unreachable", ""),
                new TimelineEntry(at(9, 0), "DIALER2", "DIALER2 AMI", "", "connected", ""));
        QualityAlarm past = new QualityAlarm("BLUELINE", QualityAlarm.Kind.FAILURE_SPIKE,
                LocalDateTime.of(2026, 11, 26, 9, 20), LocalDateTime.of(2026, 11, 26, 10, 0), 85, 3, 240,
                "CONGESTION / SIP 503: 204 of 240", QualityAlarm.ProbeVerdict.OK);
        QualityAlarm ongoing = new QualityAlarm("ORBIT", QualityAlarm.Kind.ASR_DROP,
                LocalDateTime.of(2026, 11, 26, 11, 0), null, 12, 41, 300, "", QualityAlarm.ProbeVerdict.NOT_OK);
        List<TimelineEntry> out = MainView.withCallAlarms(board, List.of(past, ongoing), ZoneOffset.UTC);
        assertEquals(List.of("ORBIT calls:CALLS FAILING", "DIALER1/nsvoice:Unreachable",
                "BLUELINE calls:calls recovered", "BLUELINE calls:CALLS FAILING", "DIALER2 AMI:connected"),
                out.stream().map(e -> e.subject() + ":" + e.to()).toList());
        assertEquals("probe OK but calls failing: 85% of calls failing (normally 3%)"
                + " - CONGESTION / SIP 503: 204 of 240",
                out.get(3).detail());
        assertEquals("ASR 12% (normally 41%)", out.get(0).detail());
        assertSame(board, MainView.withCallAlarms(board, List.of(), ZoneOffset.UTC));
    }
}
