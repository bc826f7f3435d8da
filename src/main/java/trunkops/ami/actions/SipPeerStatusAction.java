package trunkops.ami.actions;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * chan_sip's {@code SIPpeerstatus} (asterisk-java 3.41 lacks it): one {@code PeerStatus} list item per peer with
 * {@code Time} for Reachable/Lagged, then {@code SIPpeerstatusComplete}. Needs write class {@code system}. The
 * list items are plain PeerStatus events to asterisk-java (they are not ResponseEvents), so they reach the
 * event listeners like any PeerStatus: exactly what the latency poll wants.
 */
public final class SipPeerStatusAction extends AbstractManagerAction implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;
    private String peer;

    public SipPeerStatusAction() {
    }

    public SipPeerStatusAction(String peer) {
        this.peer = peer;
    }

    @Override
    public String getAction() {
        return "SIPpeerstatus";
    }

    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return SipPeerstatusCompleteEvent.class;
    }
}
