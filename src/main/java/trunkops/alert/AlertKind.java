package trunkops.alert;

/** What an alert says happened, and how bad it is. */
public enum AlertKind {
    TRUNK_DOWN(Severity.CRITICAL, "trunk down"),
    TRUNK_UP(Severity.OK, "trunk up"),
    /** Flapping: the down/up alerts of one trunk folded into one (see {@link FlapSuppressor}). */
    TRUNK_FLAPPING(Severity.WARNING, "trunk flapping"),
    FLAPPING_ENDED(Severity.OK, "flapping ended"),
    /** Every trunk of a carrier down (on every dialer that has one). */
    CARRIER_OUTAGE(Severity.CRITICAL, "carrier outage"),
    CARRIER_RECOVERED(Severity.OK, "carrier recovered"),
    /** A quality alarm: probes may say OK, but calls fail (trunkops.traffic). */
    CALLS_FAILING(Severity.CRITICAL, "calls failing"),
    CALLS_RECOVERED(Severity.OK, "calls recovered"),
    DRILL_PASSED(Severity.OK, "drill passed"),
    DRILL_FAILED(Severity.WARNING, "drill failed"),
    /** The webhook's test button. */
    TEST(Severity.INFO, "test");

    /** How loud: CRITICAL and WARNING notify as warnings, OK and INFO as information. */
    public enum Severity {
        CRITICAL("\u2716"), WARNING("\u25B2"), OK("\u2714"), INFO("\u2139");

        private final String glyph;

        Severity(String glyph) {
            this.glyph = glyph;
        }

        public String glyph() {
            return glyph;
        }
    }

    private final Severity severity;
    private final String words;

    AlertKind(Severity severity, String words) {
        this.severity = severity;
        this.words = words;
    }

    public Severity severity() {
        return severity;
    }

    /** Lower-case words for lists and messages. */
    public String words() {
        return words;
    }
}
