package trunkops.drill;

/** How a drill ended. */
public enum DrillOutcome {
    /** Every check held: calls failed over as the route expects, A came back and took a call. */
    PASSED,
    /** The drill ran and some check did not hold (the report says which, with evidence). */
    FAILED,
    /** Preflight refused: nothing was changed. */
    PREFLIGHT_FAILED,
    /** Cancelled or cut short (also: found unfinished after a console crash); what it changed was restored. */
    ABORTED
}
