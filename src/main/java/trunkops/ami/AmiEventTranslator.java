package trunkops.ami;

import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.asteriskjava.manager.event.RegistryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.topology.Tech;

/**
 * Turns the dialer's events the console uses (PeerStatus, ContactStatus, Registry, Newchannel, Hangup) into
 * listener calls, on the gateway's
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
        return e instanceof PeerStatusEvent || e instanceof NewChannelEvent || e instanceof HangupEvent
                || e instanceof ContactStatusEvent || e instanceof RegistryEvent;
    }

    long malformedCount() {
        return malformed.get();
    }

    /** Gateway thread: one event that {@link #wanted} accepted, received at {@code now}. */
    void handle(ManagerEvent e, long now) {
        if (e instanceof PeerStatusEvent p) {
            PeerName.Parsed parsed = PeerName.parse(p.getPeer(), p.getChannelType());
            if (parsed.problem() != null) {
                malformed(parsed.problem());
                return;
            }
            // chan_sip's SIPpeerstatus says "Unknown" for a peer whose first qualify has not answered yet (after a
            // start or reload), and asterisk-java turns that word into null (AstUtil.isNull): not a malformed event
            String status = p.getPeerStatus() == null || p.getPeerStatus().isBlank() ? "Unknown" : p.getPeerStatus();
            parsed.peer().ifPresent(n -> listener.peerStatus(serverId, n.tech(), n.name(), status, p.getTime(),
                    now));
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
            int cause = h.getCause() == null ? -1 : h.getCause();
            int sip = h instanceof trunkops.ami.actions.HangupEvent t ? sipCode(t.getTechCause()) : -1;
            listener.channelHungUp(serverId, h.getChannel(), cause, sip, now);
        } else if (e instanceof ContactStatusEvent c) {
            contactStatus(c, now);
        } else if (e instanceof RegistryEvent r) {
            registry(r, now);
        }
    }

    /** ContactStatus: per contact, no Time; the round trip is in microseconds ({@code 0} when unreachable). */
    private void contactStatus(ContactStatusEvent c, long now) {
        if (blank(c.getContactStatus()) || blank(c.getEndpointName()) && blank(c.getAor())) {
            malformed("ContactStatus without a status or an endpoint");
            return;
        }
        String endpoint = blank(c.getEndpointName()) ? c.getAor() : c.getEndpointName();
        listener.contactStatus(serverId, PjsipContactInfo.of(endpoint, c.getAor(), c.getUri(), c.getContactStatus(),
                c.getRoundtripUsec()), now);
    }

    /** Registry: chan_sip's or res_pjsip's, told apart by ChannelType (chan_sip's ChannelType is SIP). */
    private void registry(RegistryEvent r, long now) {
        String type = r.getChannelType() == null ? r.getChannelDriver() : r.getChannelType();
        java.util.Optional<Tech> tech = type == null ? java.util.Optional.empty() : Tech.fromDialTech(type.strip());
        if (tech.isEmpty() || blank(r.getStatus()) || blank(r.getDomain())) {
            malformed("Registry without a channel type, a status or a domain");
            return;
        }
        listener.registry(serverId, tech.get(), r.getUsername() == null ? "" : r.getUsername().strip(),
                r.getDomain().strip(), r.getStatus().strip(), now);
    }

    /** A TechCause header: a SIP response code (100..699), else -1. */
    static int sipCode(String techCause) {
        if (techCause == null) {
            return -1;
        }
        String t = techCause.strip();
        if (t.length() != 3 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int v = Integer.parseInt(t);
        return v >= 100 && v <= 699 ? v : -1;
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
