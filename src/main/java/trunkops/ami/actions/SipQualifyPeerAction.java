package trunkops.ami.actions;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * chan_sip's {@code SIPqualifypeer}: asks for an OPTIONS probe now. Beware chan_sip's forced poke: it replaces
 * the periodic probe and arms no timeout, so it is not a liveness check (docs/lab.md). Completion is signalled
 * by a {@code SIPQualifyPeerDone} event (class call).
 */
public final class SipQualifyPeerAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;
    private String peer;

    public SipQualifyPeerAction(String peer) {
        this.peer = peer;
    }

    @Override
    public String getAction() {
        return "SIPqualifypeer";
    }

    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }
}
