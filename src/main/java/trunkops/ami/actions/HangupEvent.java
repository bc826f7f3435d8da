package trunkops.ami.actions;

/**
 * asterisk-java's Hangup event plus {@code TechCause}, the SIP response code chan_pjsip puts on a hangup
 * ({@code 503}, {@code 408}; fixture 26-originate-pjsip-failover-503); chan_sip's hangups have none. Registered in
 * place of asterisk-java's own class (the simple name maps to the event name {@code Hangup}).
 */
public final class HangupEvent extends org.asteriskjava.manager.event.HangupEvent {

    private static final long serialVersionUID = 1L;
    private String techCause;

    public HangupEvent(Object source) {
        super(source);
    }

    public String getTechCause() {
        return techCause;
    }

    public void setTechCause(String techCause) {
        this.techCause = techCause;
    }
}
