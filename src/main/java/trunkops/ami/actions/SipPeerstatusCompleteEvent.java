package trunkops.ami.actions;

/** {@code SIPpeerstatusComplete}: end of a SIPpeerstatus list (the class name maps to the event name). */
public final class SipPeerstatusCompleteEvent extends ListCompleteEvent {

    private static final long serialVersionUID = 1L;

    public SipPeerstatusCompleteEvent(Object source) {
        super(source);
    }
}
