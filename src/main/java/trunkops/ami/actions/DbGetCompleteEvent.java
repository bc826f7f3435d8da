package trunkops.ami.actions;

/**
 * {@code DBGetComplete}: the end of a DBGet list (Asterisk 12+). asterisk-java 3.41 completes DbGetAction on the
 * DBGetResponse item and has no class for this one; registered so it is not logged as an unknown event.
 */
public final class DbGetCompleteEvent extends ListCompleteEvent {

    private static final long serialVersionUID = 1L;

    public DbGetCompleteEvent(Object source) {
        super(source);
    }
}
