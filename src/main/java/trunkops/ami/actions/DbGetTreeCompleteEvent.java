package trunkops.ami.actions;

/** {@code DBGetTreeComplete}: end of a DBGetTree list. */
public final class DbGetTreeCompleteEvent extends ListCompleteEvent {

    private static final long serialVersionUID = 1L;

    public DbGetTreeCompleteEvent(Object source) {
        super(source);
    }
}
