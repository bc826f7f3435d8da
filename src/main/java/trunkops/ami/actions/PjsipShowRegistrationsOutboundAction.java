package trunkops.ami.actions;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * res_pjsip's {@code PJSIPShowRegistrationsOutbound} (asterisk-java 3.41 lacks it): one
 * {@code OutboundRegistrationDetail} per {@code type=registration} object, each followed by an {@code AuthDetail}
 * of its outbound_auth (whose Password the AMI reader masks), then {@code OutboundRegistrationDetailComplete}
 * (fixture 23-pjsipshowregistrationsoutbound). Needs write class {@code system}.
 */
public final class PjsipShowRegistrationsOutboundAction extends AbstractManagerAction
        implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "PJSIPShowRegistrationsOutbound";
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return OutboundRegistrationDetailCompleteEvent.class;
    }
}
