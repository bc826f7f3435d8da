package trunkops.ami.actions;

import org.asteriskjava.manager.event.ResponseEvent;

/**
 * {@code OutboundRegistrationDetail}: one res_pjsip outbound registration with its {@code Status}
 * ({@code Registered}, {@code Rejected}, {@code Unregistered}); only the fields the console reads have setters
 * (asterisk-java skips the others).
 */
public final class OutboundRegistrationDetailEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private String objectName;
    private String endpoint;
    private String clientUri;
    private String serverUri;
    private String status;

    public OutboundRegistrationDetailEvent(Object source) {
        super(source);
    }

    public String getObjectName() {
        return objectName;
    }

    public void setObjectName(String objectName) {
        this.objectName = objectName;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getClientUri() {
        return clientUri;
    }

    public void setClientUri(String clientUri) {
        this.clientUri = clientUri;
    }

    public String getServerUri() {
        return serverUri;
    }

    public void setServerUri(String serverUri) {
        this.serverUri = serverUri;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
