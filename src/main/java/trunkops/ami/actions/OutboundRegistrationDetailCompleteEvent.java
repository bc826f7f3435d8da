package trunkops.ami.actions;

/** {@code OutboundRegistrationDetailComplete}: end of a PJSIPShowRegistrationsOutbound list. */
public final class OutboundRegistrationDetailCompleteEvent extends ListCompleteEvent {

    private static final long serialVersionUID = 1L;
    private Integer registered;
    private Integer notRegistered;

    public OutboundRegistrationDetailCompleteEvent(Object source) {
        super(source);
    }

    public Integer getRegistered() {
        return registered;
    }

    public void setRegistered(Integer registered) {
        this.registered = registered;
    }

    public Integer getNotRegistered() {
        return notRegistered;
    }

    public void setNotRegistered(Integer notRegistered) {
        this.notRegistered = notRegistered;
    }
}
