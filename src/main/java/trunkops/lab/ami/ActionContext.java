package trunkops.lab.ami;

import java.util.concurrent.CompletableFuture;

/**
 * One action being answered. Handlers reply with {@link #send}, {@link #success} or {@link #error}; an action
 * that answers later (a synchronous Originate) calls {@link #defer()} and then {@link #finish()}. The session
 * reads the client's next message only after the action finished, as Asterisk's session thread does.
 */
public final class ActionContext {

    private final AmiSession session;
    private final AmiRequest request;
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private boolean deferred;
    private boolean closeAfter;

    ActionContext(AmiSession session, AmiRequest request) {
        this.session = session;
        this.request = request;
    }

    public AmiRequest request() {
        return request;
    }

    public String get(String header) {
        return request.get(header);
    }

    public String actionId() {
        return request.actionId();
    }

    public AmiSession session() {
        return session;
    }

    /** A response skeleton: {@code Response: <status>} then the ActionID when the request had one. */
    public AmiMessage.Builder response(String status) {
        return AmiMessage.builder().add("Response", status).actionId(actionId());
    }

    public void send(AmiMessage message) {
        session.write(message.toWire());
    }

    public void send(AmiMessage.Builder message) {
        send(message.build());
    }

    public void success(String message) {
        send(response("Success").add("Message", message));
    }

    public void error(String message) {
        send(response("Error").add("Message", message));
    }

    /** Writes raw bytes (chan_sip's stray CRLF after some errors). */
    public void sendRaw(byte[] bytes) {
        session.write(bytes);
    }

    public void defer() {
        deferred = true;
    }

    boolean deferred() {
        return deferred;
    }

    /** The session closes after this action (Logoff, failed login). */
    public void closeAfter() {
        closeAfter = true;
    }

    public void finish() {
        done.complete(closeAfter);
    }

    CompletableFuture<Boolean> done() {
        return done;
    }
}
