package trunkops.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one test call as they arrive (any thread): its {@code OriginateResponse} (by ActionID) and every
 * event whose Linkedid is the call's ChannelId (the route's UserEvents, DialBegin/DialEnd of the trunk legs,
 * Hangup). {@link #record} turns them into the call's attempts.
 */
public final class CallTrace {

    private final int index;
    private final String phase;
    private final String actionId;
    private final String channelId;
    private final Instant sent;
    private final List<Map<String, String>> events = new ArrayList<>();
    private Map<String, String> originate;
    private boolean hungUp;

    public CallTrace(int index, String phase, String actionId, String channelId, Instant sent) {
        this.index = index;
        this.phase = phase;
        this.actionId = actionId;
        this.channelId = channelId;
        this.sent = sent;
    }

    public String actionId() {
        return actionId;
    }

    public String channelId() {
        return channelId;
    }

    /** Keeps the event when it belongs to this call; true when it did. */
    public synchronized boolean offer(Map<String, String> e, long receivedMillis) {
        String event = e.getOrDefault("Event", "");
        if (event.equals("OriginateResponse") && actionId.equals(e.get("ActionID"))) {
            originate = stamped(e, receivedMillis);
            notifyAll();
            return true;
        }
        if (!channelId.equals(e.get("Linkedid"))) {
            return false;
        }
        events.add(stamped(e, receivedMillis));
        if (event.equals("Hangup") && channelId.equals(e.get("Uniqueid"))) {
            hungUp = true;
            notifyAll();
        }
        return true;
    }

    private static Map<String, String> stamped(Map<String, String> e, long receivedMillis) {
        Map<String, String> m = new LinkedHashMap<>(e);
        m.put("_at", Long.toString(EventTimes.millis(e, receivedMillis)));
        m.put("_rx", Long.toString(receivedMillis));
        return m;
    }

    /** Waits until the call has a verdict and (when it connected) its originating channel hung up. */
    public synchronized boolean awaitDone(long timeoutMs, java.util.function.BooleanSupplier cancelled)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!done() && !cancelled.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 200));
        }
        return done();
    }

    private boolean done() {
        if (originate == null) {
            return false;
        }
        return !"Success".equalsIgnoreCase(originate.get("Response")) || hungUp;
    }

    /** What the call did, from the events seen so far. */
    public synchronized CallRecord record() {
        return CallRecord.of(index, phase, channelId, sent, originate, List.copyOf(events));
    }
}
