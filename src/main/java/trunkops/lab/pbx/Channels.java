package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live channels of one simulated dialer: naming (chan_sip's and chan_local's sequence numbers, Asterisk's
 * {@code epoch.seq} unique ids), state changes, hangup requests, the final hangup (with the {@code h}
 * extension), and basic bridges.
 */
final class Channels {

    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

    private final Pbx pbx;
    private final Map<String, Channel> live = new LinkedHashMap<>();
    private long uniqueSeq = 40;
    private int sipIdx = 0x28;
    private int localIdx = 1;
    private int pjsipIdx = 0;

    Channels(Pbx pbx) {
        this.pbx = pbx;
        // every Asterisk counts unique ids from its own start; dialers of one cluster are never in step
        this.uniqueSeq = 40 + (Math.abs((long) pbx.serverId().hashCode()) % 997) * 10_000L;
    }

    /** Live channels in the order Asterisk's channel container iterates them (name hash buckets, 1567). */
    List<Channel> all() {
        List<Channel> list = new ArrayList<>(live.values());
        list.sort(java.util.Comparator.comparingLong(c -> SipDriver.caseHash(c.name) % CHANNEL_BUCKETS));
        return list;
    }

    static final int CHANNEL_BUCKETS = 1567;

    Channel get(String name) {
        return live.get(name);
    }

    int count() {
        return live.size();
    }

    private String uniqueid(String forced) {
        long seq = uniqueSeq++;
        if (forced != null && !forced.isEmpty()) {
            return forced;
        }
        return (pbx.clock().nowMillis() / 1000) + "." + seq;
    }

    Channel createSip(SipPeer peer, String linkedid) {
        return createSip(peer, linkedid, null);
    }

    Channel createSip(SipPeer peer, String linkedid, String forcedUniqueid) {
        String name = String.format("SIP/%s-%08x", peer.name, sipIdx++);
        String uid = uniqueid(forcedUniqueid);
        Channel ch = new Channel(name, uid, linkedid == null ? uid : linkedid, Channel.Tech.SIP, peer.name,
                peer.context, "s", pbx.clock().nowMicros());
        live.put(name, ch);
        pbx.events.newchannel(ch);
        return ch;
    }

    /** An outgoing chan_pjsip channel {@code PJSIP/<endpoint>-%08x} in the endpoint's context. */
    Channel createPjsip(String endpoint, String context, String linkedid) {
        String name = String.format("PJSIP/%s-%08x", endpoint, pjsipIdx++);
        String uid = uniqueid(null);
        Channel ch = new Channel(name, uid, linkedid == null ? uid : linkedid, Channel.Tech.PJSIP, endpoint,
                context, "s", pbx.clock().nowMicros());
        live.put(name, ch);
        pbx.events.newchannel(ch);
        return ch;
    }

    /** Creates the two halves of {@code Local/exten@context}; ;1 is Down, ;2 is Ring and will run the dialplan. */
    Channel[] createLocal(String exten, String context, String id1, String id2, String linkedid) {
        String base = String.format("Local/%s@%s-%08x", exten, context, localIdx++);
        String uid1 = uniqueid(id1);
        String link = linkedid == null ? uid1 : linkedid;
        Channel one = new Channel(base + ";1", uid1, link, Channel.Tech.LOCAL, null, context, exten,
                pbx.clock().nowMicros());
        Channel two = new Channel(base + ";2", uniqueid(id2), link, Channel.Tech.LOCAL, null, context, exten,
                pbx.clock().nowMicros());
        two.state = ChannelState.RING;
        one.localPartner = two;
        two.localPartner = one;
        live.put(one.name, one);
        live.put(two.name, two);
        pbx.events.newchannel(one);
        pbx.events.newchannel(two);
        return new Channel[] {one, two};
    }

    void setState(Channel ch, ChannelState state) {
        if (ch.state != state && !ch.hungUp) {
            ch.state = state;
            pbx.events.newstate(ch);
            if (ch.tech == Channel.Tech.PJSIP) {
                pbx.pjsip.updateDeviceState(ch.peer);
            }
        }
    }

    void setVar(Channel ch, String name, String value) {
        ch.vars.put(name, value);
        pbx.events.varSet(ch, name, value);
    }

    /** Someone asks {@code ch} to hang up: the event, then whatever the channel is doing is interrupted. */
    void requestHangup(Channel ch, int cause, boolean soft) {
        if (ch.hungUp || ch.hangupRequested) {
            return;
        }
        ch.hangupRequested = true;
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause;
        }
        pbx.events.hangupRequest(ch, cause, soft);
        Runnable interrupt = ch.onHangupRequest;
        ch.onHangupRequest = null;
        if (interrupt != null) {
            pbx.execute(interrupt);
        } else if (!ch.inPbx) {
            pbx.execute(() -> hangup(ch, ch.hangupCause));
        }
    }

    /** The end of a channel: {@code h} extension, bridge leave, media stats, the Hangup event. */
    void hangup(Channel ch, int cause) {
        if (ch.hungUp) {
            return;
        }
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause == 0 ? HangupCauses.NORMAL_CLEARING : cause;
        }
        if (ch.inPbx) {
            ch.inPbx = false;
            pbx.runner.runHangupExtension(ch);
        }
        if (ch.bridge != null) {
            leave(ch);
        }
        if (ch.tech != Channel.Tech.LOCAL && ch.answeredMicros > 0) {
            rtpStats(ch);
        }
        ch.hungUp = true;
        pbx.events.hangup(ch);
        live.remove(ch.name);
        if (ch.tech == Channel.Tech.LOCAL) {
            pbx.events.deviceState(DialApp.localDevice(ch), "NOT_INUSE");
        } else if (ch.tech == Channel.Tech.PJSIP) {
            pbx.pjsip.updateDeviceState(ch.peer);
        }
        if (ch.leg != null) {
            pbx.sip.legGone(ch);
        }
        Channel partner = ch.localPartner;
        if (partner != null && !partner.hungUp) {
            requestHangup(partner, ch.hangupCause, false);
        }
        if (ch.onGone != null) {
            ch.onGone.accept(ch.hangupCause);
        }
    }

    private void rtpStats(Channel ch) {
        String qos = "ssrc=" + (Math.abs(ch.uniqueid.hashCode()) % 2_000_000_000L)
                + ";themssrc=0;lp=0;rxjitter=0.000000;rxcount=0;txjitter=0.000000;txcount=0;rlp=0;rtt=0.000000;"
                + "rxmes=0.000000;txmes=0.000000";
        setVar(ch, "RTPAUDIOQOS", qos);
        setVar(ch, "RTPAUDIOQOSJITTER", "minrxjitter=000.000000;maxrxjitter=000.000000;avgrxjitter=000.000000;"
                + "stdevrxjitter=000.000000;mintxjitter=000.000000;maxtxjitter=000.000000;"
                + "avgtxjitter=000.000000;stdevtxjitter=000.000000;");
        setVar(ch, "RTPAUDIOQOSLOSS", "  minrxlost=000.000000;  maxrxlost=000.000000;  avgrxlost=000.000000;"
                + "  stdevrxlost=000.000000;  mintxlost=000.000000;  maxtxlost=000.000000;"
                + "  avgtxlost=000.000000;  stdevtxlost=000.000000;");
        setVar(ch, "RTPAUDIOQOSRTT", "     minrtt=000.000000;     maxrtt=000.000000;     avgrtt=000.000000;"
                + "     stdevrtt=000.000000;");
        setVar(ch, "RTPAUDIOQOSMES", "   minrxmes=000.000000;   maxrxmes=000.000000;   avgrxmes=000.000000;"
                + "   stdevrxmes=000.000000;   mintxmes=000.000000;   maxtxmes=000.000000;"
                + "   avgtxmes=000.000000;   stdevtxmes=000.000000;");
        if (ch.tech == Channel.Tech.SIP) {
            setVar(ch, "RTPAUDIOQOS", qos); // chan_sip sets it once more on its way out; chan_pjsip does not
        }
    }

    // ---- bridges ----

    Bridge createBridge() {
        Bridge b = new Bridge(UUID.randomUUID().toString());
        pbx.events.bridgeCreate(b);
        return b;
    }

    void enter(Bridge b, Channel ch) {
        b.members.add(ch);
        ch.bridge = b;
        pbx.events.bridgeEnter(b, ch);
    }

    void leave(Channel ch) {
        Bridge b = ch.bridge;
        if (b == null) {
            return;
        }
        b.members.remove(ch);
        ch.bridge = null;
        pbx.events.bridgeLeave(b, ch);
        if (b.members.isEmpty()) {
            pbx.events.bridgeDestroy(b);
        }
    }

    // ---- functions over channels ----

    /** GROUP_COUNT([group][@category]). */
    int groupCount(Channel self, String spec) {
        String group = spec;
        String category = "";
        int at = spec.indexOf('@');
        if (at >= 0) {
            group = spec.substring(0, at);
            category = spec.substring(at + 1);
        }
        if (group.isEmpty() && self != null) {
            group = self.groups.getOrDefault(category, "");
        }
        int n = 0;
        for (Channel c : live.values()) {
            if (group.equalsIgnoreCase(groupIn(c, category))) {
                n++;
            }
        }
        return n;
    }

    /** The channel's group in a category; categories compare without case, as app.c's group list does. */
    static String groupIn(Channel c, String category) {
        for (Map.Entry<String, String> e : c.groups.entrySet()) {
            if (e.getKey().equalsIgnoreCase(category)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * HANGUPCAUSE_KEYS(): the channel's dialed-causes container iterated as ao2 does (channel_internal_api.c):
     * 37 buckets by ast_str_hash of the name with its technology upper-cased, insertion order inside a bucket.
     */
    String hangupCauseKeys(Channel ch) {
        List<String> names = new ArrayList<>(ch.causeCodes.keySet());
        names.sort(java.util.Comparator.comparingInt(n -> causeHash(n) % DIALED_CAUSES_BUCKETS));
        return String.join(",", names);
    }

    static final int DIALED_CAUSES_BUCKETS = 37;

    /** pvt_cause_hash_fn: ast_str_hash(ast_tech_to_upper(name)). */
    static int causeHash(String name) {
        int slash = name.indexOf('/');
        String key = slash < 0 ? name : name.substring(0, slash).toUpperCase(java.util.Locale.ROOT)
                + name.substring(slash);
        int hash = 5381;
        for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = hash * 33 ^ (b & 0xff);
        }
        return hash & Integer.MAX_VALUE;
    }

    String hangupCauseOf(Channel ch, String channelName, String type) {
        if (ch == null) {
            return "";
        }
        String[] codes = ch.causeCodes.get(channelName);
        if (codes == null) {
            LOG.warn("Unable to find information for channel {}", channelName);
            return "";
        }
        return switch (type) {
            case "tech" -> codes[1];
            case "ast" -> HangupCauses.text(Integer.parseInt(codes[0]));
            default -> {
                LOG.warn("Information type not recognized ({})", type);
                yield "";
            }
        };
    }
}
