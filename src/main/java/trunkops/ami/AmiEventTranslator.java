package trunkops.ami;

import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the dialer's events the console uses (PeerStatus, Newchannel, Hangup) into listener calls, on the gateway's
 * thread; an event without the fields it needs is skipped, counted and told to the operator at most every 10 s.
 */
final class AmiEventTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(AmiEventTranslator.class);
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    private final String serverId;
    private final AmiGatewayListener listener;
    private final AtomicLong malformed = new AtomicLong();
    private long lastReportNanos = Long.MIN_VALUE;

    AmiEventTranslator(String serverId, AmiGatewayListener listener) {
        this.serverId = serverId;
        this.listener = listener;
    }

    /** Whether the console uses {@code e} (checked on asterisk-java's thread: O(1)). */
    static boolean wanted(ManagerEvent e) {
        return e instanceof PeerStatusEvent || e instanceof NewChannelEvent || e instanceof HangupEvent;
    }

    long malformedCount() {
        return malformed.get();
    }

    /** Gateway thread: one event that {@link #wanted} accepted, received at {@code now}. */
    void handle(ManagerEvent e, long now) {
        if (e instanceof PeerStatusEvent p) {
            PeerName.Parsed parsed = PeerName.parse(p.getPeer(), p.getChannelType());
            if (parsed.problem() != null || p.getPeerStatus() == null || p.getPeerStatus().isBlank()) {
                malformed(parsed.problem() != null ? parsed.problem() : "PeerStatus without a status");
                return;
            }
            parsed.peer().ifPresent(n -> listener.peerStatus(serverId, n.tech(), n.name(), p.getPeerStatus(),
                    p.getTime(), now));
        } else if (e instanceof NewChannelEvent n) {
            if (blank(n.getChannel())) {
                malformed("Newchannel without a channel");
                return;
            }
            listener.channelStarted(serverId, n.getChannel(), now);
        } else if (e instanceof HangupEvent h) {
            if (blank(h.getChannel())) {
                malformed("Hangup without a channel");
                return;
            }
            listener.channelEnded(serverId, h.getChannel(), now);
        }
    }

    /** Gateway thread: skip an event or frame, count it, and tell the operator (at most every 10 s). */
    void malformed(String what) {
        long n = malformed.incrementAndGet();
        long nowNanos = System.nanoTime();
        if (lastReportNanos == Long.MIN_VALUE || nowNanos - lastReportNanos > REPORT_EVERY_NANOS) {
            lastReportNanos = nowNanos;
            LOG.warn("{}: skipped a malformed AMI event ({}), {} so far", serverId, what, n);
            listener.gatewayProblem(serverId, "skipped " + n + " malformed AMI event(s), last: " + what);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
