package trunkops.control;

/** What an operator action does to a trunk or a route member. */
public enum ControlVerb {
    /** No calls to the trunk (ASTDB {@code offline:<until>}). */
    OFFLINE,
    /** Back in service (ASTDB key deleted). */
    ONLINE,
    /** No new calls; the calls up now continue (ASTDB {@code drain:<until>}). */
    DRAIN,
    /** A route member's live weight ({@code trunkops/weight/<route>/<peer>}). */
    WEIGHT,
    /** A route member's live max calls ({@code trunkops/max/<route>/<peer>}, 0 = none). */
    MAX_CALLS
}
