package trunkops.control;

/**
 * An operator's switch on one trunk, as the generated route dialplan reads it from ASTDB key
 * {@code trunkops/admin/<peer>} (docs/routes.md): absent = in service, {@code offline:<until>} = no calls,
 * {@code drain:<until>} = no new calls while the calls up now continue.
 */
public enum AdminState {
    IN_SERVICE, OFFLINE, DRAIN
}
