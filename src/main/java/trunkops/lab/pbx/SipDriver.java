package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * chan_sip as far as a trunk console can observe it: the peer list, qualify (OPTIONS every qualifyfreq while
 * OK, every 10 s while not; a probe unanswered for 2×maxms makes the peer UNREACHABLE; a reply slower than maxms
 * LAGGED; events only when the reachable/lagged verdict flips or was unknown, so Unreachable→Lagged is silent),
 * device states, and outgoing INVITE legs to the far ends, including Timer B (64×T1) for a far end that never
 * answers.
 */
final class SipDriver {

    static final int DEFAULT_FREQ_NOTOK_MS = 10_000;
    static final int HASH_PEER_SIZE = 563;

    /** An outgoing INVITE and, once answered, its dialog. */
    static final class Leg {
        final Channel channel;
        final LegListener listener;
        boolean ringing;
        boolean answered;
        boolean finished;

        Leg(Channel channel, LegListener listener) {
            this.channel = channel;
            this.listener = listener;
        }
    }

    /** What the dialing side hears from a leg. */
    interface LegListener {
        void ringing();

        void answered();

        /** A final failure response or a transaction timeout; {@code sipCode} 0 for a timeout. */
        void failed(int sipCode, int cause);

        /** The far end sent BYE after answering. */
        void remoteHangup();
    }

    private final Pbx pbx;
    private Map<String, SipPeer> peers = new LinkedHashMap<>();
    private final Map<String, String> customStates = new HashMap<>();

    SipDriver(Pbx pbx) {
        this.pbx = pbx;
    }

    SipPeer peer(String name) {
        return peers.get(name);
    }

    /** Peers in name order (SIPpeers, sip show peers). */
    List<SipPeer> sorted() {
        List<SipPeer> list = new ArrayList<>(peers.values());
        list.sort(Comparator.comparing(p -> p.name.toLowerCase(Locale.ROOT)));
        return list;
    }

    /** Peers in chan_sip's ao2 hash-container order (SIPpeerstatus iterates the container). */
    List<SipPeer> hashOrder() {
        List<SipPeer> list = new ArrayList<>(peers.values());
        list.sort(Comparator.comparingLong((SipPeer p) -> caseHash(p.name) % HASH_PEER_SIZE)
                .thenComparing(p -> p.name));
        return list;
    }

    /** ast_str_case_hash. */
    static long caseHash(String s) {
        int hash = 5381;
        for (int i = 0; i < s.length(); i++) {
            hash = hash * 33 ^ Character.toLowerCase(s.charAt(i));
        }
        return Math.abs((long) hash);
    }

    /** Installs a freshly loaded peer set; peers that survive keep their qualify state. Re-pokes everyone. */
    void apply(Map<String, SipPeer> loaded) {
        Map<String, SipPeer> next = new LinkedHashMap<>();
        for (SipPeer p : loaded.values()) {
            SipPeer old = peers.get(p.name);
            if (old != null) {
                p.lastms = old.lastms;
                old.pokeGeneration++;
            }
            next.put(p.name, p);
        }
        for (SipPeer old : peers.values()) {
            old.pokeGeneration++;
        }
        peers = next;
        long delay = 0;
        for (SipPeer p : next.values()) {
            if (p.maxms > 0 && !p.dynamic) {
                final SipPeer peer = p;
                pbx.schedule(delay, () -> poke(peer));
                delay += 100;
            }
        }
    }

    // ---- qualify ----

    /** The far end a peer's address reaches from this dialer, or null when nothing answers there. */
    private FarEnd farEndOf(SipPeer p) {
        if (pbx.hostBlocked(p.host)) {
            return null;
        }
        FarEnd f = pbx.farEnd(p.host + ":" + p.port);
        return f != null ? f : pbx.farEnd(p.host);
    }

    void poke(SipPeer p) {
        if (peers.get(p.name) != p || p.maxms <= 0 || p.dynamic) {
            return;
        }
        int gen = ++p.pokeGeneration;
        FarEnd far = farEndOf(p);
        double rtt = far == null ? -1 : far.optionsRtt(pbx.clock().nowMillis());
        if (rtt < 0 || rtt > p.maxms * 2.0) {
            pbx.schedule(p.maxms * 2L, () -> noAnswer(p, gen));
        } else {
            pbx.schedule((long) rtt, () -> reply(p, gen, rtt));
        }
    }

    private void reply(SipPeer p, int gen, double rtt) {
        if (p.pokeGeneration != gen || peers.get(p.name) != p) {
            return;
        }
        int ping = (int) Math.max(1, Math.round(rtt));
        boolean wasReachable = p.lastms > 0 && p.lastms <= p.maxms;
        boolean isReachable = ping <= p.maxms;
        boolean changed = p.lastms == 0 || wasReachable != isReachable;
        p.lastms = ping;
        if (changed) {
            pbx.events.deviceState("SIP/" + p.name, isReachable ? "NOT_INUSE" : "UNAVAILABLE");
            peerStatus(p, isReachable ? "Reachable" : "Lagged", null);
        }
        pbx.schedule(isReachable ? p.qualifyFreqMs : DEFAULT_FREQ_NOTOK_MS, () -> poke(p));
    }

    private void noAnswer(SipPeer p, int gen) {
        if (p.pokeGeneration != gen || peers.get(p.name) != p) {
            return;
        }
        if (p.lastms > -1) {
            p.lastms = -1;
            peerStatus(p, "Unreachable", "-1");
            pbx.events.deviceState("SIP/" + p.name, "UNAVAILABLE");
        }
        pbx.schedule(DEFAULT_FREQ_NOTOK_MS, () -> poke(p));
    }

    private void peerStatus(SipPeer p, String status, String time) {
        AmiMessage.Builder b = AmiMessage.builder()
                .add("ChannelType", "SIP")
                .add("Peer", "SIP/" + p.name)
                .add("PeerStatus", status);
        if (time != null) {
            b.add("Time", time);
        }
        pbx.publish(pbx.event("PeerStatus", EventClass.SYSTEM.bit(), b));
        pbx.hooks().peerStatus(pbx.serverId(), p.name, status, p.lastms, p.maxms);
    }

    /**
     * SIPqualifypeer / sip qualify peer: chan_sip's forced poke. It replaces the pending periodic probe and arms
     * no no-answer timer, so a reply reschedules normally but silence leaves the peer as it was and stops
     * the periodic probing until the next reload (read from chan_sip's sip_poke_peer(force=1)).
     */
    void qualifyNow(SipPeer p) {
        if (p.maxms <= 0 || p.dynamic) {
            return;
        }
        int gen = ++p.pokeGeneration;
        FarEnd far = farEndOf(p);
        double rtt = far == null ? -1 : far.optionsRtt(pbx.clock().nowMillis());
        if (rtt >= 0) {
            pbx.schedule((long) rtt, () -> reply(p, gen, rtt));
        }
    }

    // ---- device state ----

    /**
     * DEVICE_STATE of a device. For SIP peers chan_sip's sip_devicestate order (hold and ringing not simulated): no
     * address → UNAVAILABLE; call-limit reached → BUSY; calls counted (only with a call-limit) → INUSE; qualify
     * says unreachable or lagged → UNAVAILABLE; else NOT_INUSE. Unknown peer → INVALID.
     */
    String deviceState(String device) {
        if (device.regionMatches(true, 0, "Custom:", 0, 7)) {
            return customStates.getOrDefault(device.substring(7), "UNKNOWN");
        }
        if (device.regionMatches(true, 0, "SIP/", 0, 4)) {
            SipPeer p = peers.get(device.substring(4));
            if (p == null) {
                return "INVALID";
            }
            if (p.dynamic) {
                return "UNAVAILABLE";
            }
            int calls = p.callLimit > 0 ? inUse(p.name) : 0;
            if (p.callLimit > 0 && calls >= p.callLimit) {
                return "BUSY";
            }
            if (calls > 0) {
                return "INUSE";
            }
            return p.maxms > 0 && (p.lastms < 0 || p.lastms > p.maxms) ? "UNAVAILABLE" : "NOT_INUSE";
        }
        if (device.regionMatches(true, 0, "PJSIP/", 0, 6) && pbx.modules.pjsipLoaded()) {
            return pbx.pjsip.deviceState(device.substring(6));
        }
        return "UNKNOWN";
    }

    boolean setCustomDeviceState(String device, String value) {
        if (!device.regionMatches(true, 0, "Custom:", 0, 7)) {
            return false;
        }
        String name = device.substring(7);
        customStates.put(name, value.toUpperCase(Locale.ROOT));
        pbx.astdb().put("CustomDevstate", name, value.toUpperCase(Locale.ROOT));
        pbx.events.deviceState("Custom:" + name, value.toUpperCase(Locale.ROOT));
        return true;
    }

    int inUse(String peer) {
        int n = 0;
        for (Channel c : pbx.channels.all()) {
            if (c.tech == Channel.Tech.SIP && peer.equals(c.peer)) {
                n++;
            }
        }
        return n;
    }

    // ---- calls ----

    /** T1 for a peer: the qualify RTT (at least t1min 100 ms) when known, else timert1 (500 ms). */
    static long t1(SipPeer p) {
        if (p.maxms > 0 && p.lastms > 0) {
            return Math.max(100, p.lastms);
        }
        return 500;
    }

    /** Sends the INVITE for an outgoing SIP channel; the listener hears what the far end does. */
    void invite(Channel ch, SipPeer p, LegListener listener) {
        Leg leg = new Leg(ch, listener);
        ch.leg = leg;
        FarEnd far = farEndOf(p);
        long now = pbx.clock().nowMillis();
        FarEnd.InviteOutcome out = far == null ? new FarEnd.InviteOutcome(0, 0, 0) : far.invite(now);
        if (out.silent()) {
            pbx.schedule(64 * t1(p), () -> {
                if (!leg.finished) {
                    leg.finished = true;
                    listener.failed(0, HangupCauses.NO_USER_RESPONSE);
                }
            });
            return;
        }
        long rtt = Math.max(1, p.lastms > 0 ? p.lastms : 20);
        boolean rings = out.finalCode() == 200 || out.finalCode() == -1 || out.finalCode() == 486
                || out.finalCode() == 480;
        if (rings) {
            pbx.schedule(Math.min(rtt, 5), () -> {
                if (!leg.finished && !ch.hungUp) {
                    leg.ringing = true;
                    listener.ringing();
                }
            });
        }
        if (out.finalCode() == -1) {
            return;
        }
        pbx.schedule(Math.max(rtt, out.ringMillis()), () -> {
            if (leg.finished || ch.hungUp) {
                return;
            }
            if (out.answered()) {
                leg.answered = true;
                listener.answered();
                pbx.schedule(out.talkMillis(), () -> {
                    if (!leg.finished && !ch.hungUp) {
                        leg.finished = true;
                        listener.remoteHangup();
                    }
                });
            } else {
                leg.finished = true;
                ch.techCause = "SIP " + out.finalCode() + " " + HangupCauses.sipReason(out.finalCode());
                listener.failed(out.finalCode(), HangupCauses.fromSip(out.finalCode()));
            }
        });
    }

    /** The channel went away locally (CANCEL or BYE sent); the far end's timers are void. */
    void legGone(Channel ch) {
        if (ch.leg != null) {
            ch.leg.finished = true;
        }
    }
}
