package trunkops.push.ui;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import trunkops.push.PushJob;
import trunkops.push.PushReport;
import trunkops.push.PushStore;

/**
 * Reduces a push job's steps to what the progress view shows: the current step in words, the time waited for the
 * keepalive against the expected ~60 s, and one row per dialer (its last step and its result so far, final once the
 * report is in). FX-free and not thread-safe: fed on the job's thread, each {@link #snapshot()} is immutable.
 */
final class PushProgress {

    /** ViciDial's keepalive runs once a minute from cron. */
    static final Duration EXPECTED_WAIT = Duration.ofSeconds(60);

    /** What a dialer's result column says: the state word first, so it reads without colour. */
    enum Result {
        PENDING("\u2026 pending"), NEW("\u2714 NEW"), OLD("\u21B6 OLD"), UNKNOWN("? UNKNOWN");

        private final String words;

        Result(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /** One dialer's line in the table. */
    record Row(String dialer, String step, long waitedSeconds, Result result, String detail) {
    }

    /**
     * @param headline  the current step in words
     * @param waitShare time waited / expected keepalive (0..1), or -1 when not waiting
     * @param rows      one per dialer, in the change set's order
     * @param report    the final report, once the job ended
     */
    record Snapshot(String headline, double waitShare, boolean rollingBack, List<Row> rows,
                    Optional<PushReport> report) {
        Snapshot {
            rows = List.copyOf(rows);
        }

        boolean done() {
            return report.isPresent();
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Duration timeout;
    private String headline = "Starting\u2026";
    private double waitShare = -1;
    private boolean rollingBack;
    private PushReport report;

    PushProgress(List<PushStore.Dialer> dialers, Duration timeout) {
        this.timeout = timeout;
        for (PushStore.Dialer d : dialers) {
            rows.put(d.serverId(), new Row(d.serverId(), "not started", 0, Result.PENDING, ""));
        }
    }

    void step(PushJob.Progress p) {
        waitShare = -1;
        Row was = rows.get(p.serverId());
        switch (p.step()) {
            case WAIT_RELOAD -> {
                waitShare = Math.min(1.0, p.waited().toMillis() / (double) EXPECTED_WAIT.toMillis());
                headline = p.serverId() + ": waiting for ViciDial's keepalive to regenerate and reload, "
                        + p.waited().toSeconds() + " s of ~" + EXPECTED_WAIT.toSeconds() + " s expected (gives up after "
                        + timeout.toSeconds() + " s)";
            }
            case ROLLBACK -> {
                rollingBack = true;
                headline = "Rolling back: " + p.detail();
            }
            case DONE -> headline = p.detail();
            default -> headline = p.serverId() + ": " + p.step().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " \u2014 " + p.detail();
        }
        if (rollingBack && p.step() != PushJob.Step.ROLLBACK && p.step() != PushJob.Step.DONE) {
            headline = "Rolling back \u2014 " + headline;
        }
        if (was != null) {
            Result r = was.result();
            if (p.step() == PushJob.Step.VERIFY && "verified".equals(p.detail())) {
                r = rollingBack ? Result.OLD : Result.NEW;
            } else if (p.step() == PushJob.Step.WAIT_RELOAD) {
                r = Result.PENDING;
            }
            rows.put(p.serverId(), new Row(p.serverId(), stepWords(p.step()), p.waited().toSeconds(), r,
                    p.detail()));
        }
    }

    void finished(PushReport r) {
        report = r;
        waitShare = -1;
        headline = r.summary();
        for (PushReport.DialerState s : r.dialers()) {
            Row was = rows.get(s.serverId());
            rows.put(s.serverId(), new Row(s.serverId(), "done", was == null ? 0 : was.waitedSeconds(),
                    Result.valueOf(s.state().name()), s.detail()));
        }
    }

    Snapshot snapshot() {
        return new Snapshot(headline, waitShare, rollingBack, List.copyOf(rows.values()), Optional.ofNullable(report));
    }

    private String stepWords(PushJob.Step s) {
        String base = switch (s) {
            case CHECK -> "checking";
            case WRITE -> "writing the row";
            case WAIT_RELOAD -> "waiting for the keepalive";
            case VERIFY -> "reading back (ShowDialPlan)";
            case ROLLBACK -> "rolling back";
            case DONE -> "done";
        };
        return rollingBack && s != PushJob.Step.DONE ? "rollback: " + base : base;
    }
}
