package trunkops.lab.pbx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A simulated Asterisk channel. Owned by the PBX thread: nothing here is synchronised.
 */
public final class Channel {

    /** Which technology created the channel. */
    public enum Tech { SIP, PJSIP, LOCAL }

    final String name;
    final String uniqueid;
    String linkedid;
    final Tech tech;
    /** SIP: the peer name; PJSIP: the endpoint name; Local: null. */
    final String peer;
    ChannelState state = ChannelState.DOWN;
    String callerIdNum = "";
    String callerIdName = "";
    String connectedNum = "";
    String connectedName = "";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String appData = "";
    final Map<String, String> vars = new HashMap<>();
    final long createdMicros;
    long answeredMicros;
    Bridge bridge;
    /** The other half of a Local channel pair. */
    Channel localPartner;
    /** Set once the channel is hung up; later operations are ignored. */
    boolean hungUp;
    boolean hangupRequested;
    int hangupCause;
    /** SIP response code and reason of the last failure on this channel (HANGUPCAUSE(...,tech)). */
    String techCause = "";
    /** PJSIP: the SIP code of the failure, sent as {@code TechCause} on HangupRequest/Hangup (0 = none). */
    int techCode;
    /** Incremented whenever the channel leaves its current blocking app, to cancel stale timers. */
    int generation;
    /** Per dialed channel: {Q.850 cause, tech cause text} (HANGUPCAUSE / HANGUPCAUSE_KEYS). */
    final Map<String, String[]> causeCodes = new java.util.LinkedHashMap<>();
    /** Gosub return addresses. */
    final Deque<String[]> gosubStack = new ArrayDeque<>();
    /** Called when a hangup is requested on this channel while it is busy (waiting, dialing, ringing). */
    Runnable onHangupRequest;
    /** Local ;1 of an originate: runs when the ;2 side answers. */
    Runnable onAnswered;
    /** Called once the channel is gone (for whoever is waiting on it as a dialed leg). */
    java.util.function.IntConsumer onGone;
    /** SIP legs: the far end's INVITE transaction and media, if any. */
    SipDriver.Leg leg;
    /** Group memberships for GROUP()/GROUP_COUNT(): category -> group. */
    final Map<String, String> groups = new HashMap<>();
    boolean inPbx;
    /** The dial in progress from this channel (Dial app), if any. */
    DialAttempt dialing;

    Channel(String name, String uniqueid, String linkedid, Tech tech, String peer, String context, String exten,
            long createdMicros) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.tech = tech;
        this.peer = peer;
        this.context = context;
        this.exten = exten;
        this.createdMicros = createdMicros;
    }

    public String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public ChannelState state() {
        return state;
    }

    public String peer() {
        return peer;
    }

    public String context() {
        return context;
    }

    public String exten() {
        return exten;
    }

    public int priority() {
        return priority;
    }

    public String var(String key) {
        return vars.getOrDefault(key, "");
    }

    public boolean isHungUp() {
        return hungUp;
    }

    @Override
    public String toString() {
        return name;
    }
}
