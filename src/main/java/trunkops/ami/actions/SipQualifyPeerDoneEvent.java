package trunkops.ami.actions;

import org.asteriskjava.manager.event.ManagerEvent;

/** {@code SIPQualifyPeerDone}: chan_sip sent the OPTIONS asked for by SIPqualifypeer. */
public final class SipQualifyPeerDoneEvent extends ManagerEvent {

    private static final long serialVersionUID = 1L;
    private String peer;
    private String actionId;

    public SipQualifyPeerDoneEvent(Object source) {
        super(source);
    }

    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }

    public String getActionId() {
        return actionId;
    }

    public void setActionId(String actionId) {
        this.actionId = actionId;
    }
}
