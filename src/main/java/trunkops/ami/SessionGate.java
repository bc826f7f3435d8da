package trunkops.ami;

/**
 * Which of one manager connection's events may reach the console. Closed until the gateway's own login on that
 * connection has succeeded (a server may send anything between its banner and its answer to Login, and nothing
 * before a successful login may change state); closed for good once the connection is lost, so that a session
 * asterisk-java quietly re-establishes on the same object (its built-in reconnect) never feeds the model: the
 * gateway reconnects itself and resynchronises first. Written by the gateway thread, read by asterisk-java's.
 */
final class SessionGate {

    private volatile boolean open;
    private volatile boolean over;

    /** The gateway's login on this connection succeeded: events from now on are the dialer's. */
    void open() {
        if (!over) {
            open = true;
        }
    }

    /** The connection is lost; returns true the first time only. */
    synchronized boolean end() {
        boolean first = !over;
        over = true;
        open = false;
        return first;
    }

    boolean admits() {
        return open && !over;
    }
}
