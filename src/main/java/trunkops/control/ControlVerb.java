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
    MAX_CALLS,
    /*
     * ViciDial's own levers (not ASTDB: journaled only, never sent by AstDbTrunkControl, whose validator refuses
     * them). ControlRequest for them: peer = the record id (campaign_id, list_id or carrier_id), route = the kind
     * (CAMPAIGN, LIST or CARRIER), tech = SIP for campaigns and lists (not meaningful) or the carrier's protocol,
     * value and until empty; the before map holds the old value, the outcome's detail the new one.
     */
    /** A campaign's or list's dial_prefix moved to another carrier's prefix. */
    REROUTE,
    /** The dial_prefix a reroute replaced, put back. */
    REROUTE_RESTORE,
    /** A ViciDial carrier set active='N' (+ rebuild_conf_files). */
    CARRIER_INACTIVE,
    /** A ViciDial carrier set active='Y' (+ rebuild_conf_files). */
    CARRIER_ACTIVE,
    /*
     * A route pushed to the dialers (trunkops.push): peer = the route's name (its router carrier_id), route =
     * "ROUTE", tech SIP (not meaningful); the before map holds the live row's version per dialer, the outcome per
     * dialer is APPLIED when the pushed version was verified there, FAILED otherwise (the detail says old/unknown).
     */
    /** A route version pushed (canary, then the rest; rolled back on a failed read-back); also `rollback --to`. */
    ROUTE_PUSH,
    /**
     * One step of a push (trunkops.push.JournalStepLog): peer = the route, route = the step (CANARY_WRITE, WAIT,
     * VERIFY, STAGE_OTHERS, ROLLBACK, ROLLBACK_VERIFY, TEST_CALL, FINAL, CHECK), value = the version pushed.
     */
    ROUTE_PUSH_STEP,
    /*
     * Alerts (trunkops.alert): nothing is sent to a dialer. peer = what the silence covers ({@code carrier:X},
     * {@code trunk:DIALER1/x}, {@code all}), route = "ALERTS", until = when the silence ends, the outcome's detail
     * says what was silenced; a silence lifted early is journaled again with until = the moment it was lifted.
     */
    /** Alerts silenced for a time, with a reason (the console still lists them; no notification, no webhook). */
    ALERT_SILENCE
}
