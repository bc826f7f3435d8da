package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * res_pjsip + chan_pjsip as far as a trunk console can observe them (Asterisk 20, read from res_pjsip/pjsip_options.c,
 * res_pjsip_outbound_registration.c and chan_pjsip.c, checked against the 2x transcripts):
 * <ul>
 * <li>static aor contacts are qualified with OPTIONS every {@code qualify_frequency} whatever their state, only when
 * an endpoint uses the aor; a reply within {@code qualify_timeout} (3 s) is Reachable whatever the RTT (no Lagged),
 * none is Unreachable; on a change: PeerStatus (per endpoint, no Time), ContactStatus (RoundtripUsec, 0 when
 * down), DeviceStateChange;</li>
 * <li>outbound registrations REGISTER at load, refresh 10 s before expiry, publish {@code Registry} after every
 * response or timeout (32 s, timer B): Registered, or Rejected and a retry after {@code retry_interval};</li>
 * <li>outgoing calls: no channel when the endpoint is unknown or none of its contacts is usable (cause 3); else an
 * INVITE to the first usable contact, timer B 32 s (T1 500 ms, not adapted to the RTT).</li>
 * </ul>
 */
final class PjsipDriver {

    static final long TIMER_B_MS = 32_000;

    private final Pbx pbx;
    private PjsipConfig.Objects objects = PjsipConfig.Objects.empty();
    private Map<String, PjsipState.Contact> contacts = new TreeMap<>();
    private final Map<String, String> endpointReach = new HashMap<>();
    private final Map<String, String> publishedDeviceState = new HashMap<>();

    private final PjsipRegistrar registrar;

    PjsipDriver(Pbx pbx) {
        this.pbx = pbx;
        this.registrar = new PjsipRegistrar(pbx, this::farEndOf);
    }

    PjsipConfig.Objects objects() {
        return objects;
    }

    PjObject endpoint(String name) {
        return objects.get("endpoint", name);
    }

    List<PjsipState.Contact> contacts() {
        return new ArrayList<>(contacts.values());
    }

    /** Contacts of the aors an endpoint names, in the endpoint's aor order. */
    List<PjsipState.Contact> contactsOf(PjObject endpoint) {
        List<PjsipState.Contact> out = new ArrayList<>();
        for (String aor : endpoint.list("aors")) {
            for (PjsipState.Contact c : contacts.values()) {
                if (c.aor.equals(aor)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    List<PjsipState.Contact> contactsOfAor(String aor) {
        return contacts.values().stream().filter(c -> c.aor.equals(aor)).toList();
    }

    /** Endpoints whose aors list names this aor. */
    List<String> endpointsOfAor(String aor) {
        List<String> out = new ArrayList<>();
        for (PjObject e : objects.of("endpoint").values()) {
            if (e.list("aors").contains(aor)) {
                out.add(e.id());
            }
        }
        return out;
    }

    // ---- (re)load ----

    /** Installs a loaded object set: contacts and registrations that did not change keep their state and timers. */
    void apply(PjsipConfig.Objects next) {
        objects = next;
        Set<String> usedAors = new LinkedHashSet<>();
        next.of("endpoint").values().forEach(e -> usedAors.addAll(e.list("aors")));
        Map<String, PjsipState.Contact> nextContacts = new TreeMap<>();
        long delay = 0;
        for (PjObject aor : next.of("aor").values()) {
            for (String uri : aor.list("contact")) {
                PjsipState.Contact fresh = new PjsipState.Contact(aor.id(), uri);
                PjsipState.Contact c = contacts.getOrDefault(fresh.id, fresh);
                int freq = aor.intOpt("qualify_frequency", 0);
                boolean qualified = freq > 0 && usedAors.contains(aor.id());
                c.aorObject = aor;
                c.timeoutSec = aor.doubleOpt("qualify_timeout", 3.0);
                if (c == fresh || c.qualified != qualified || c.frequencySec != freq) {
                    int gen = ++c.gen;
                    c.qualified = qualified;
                    c.frequencySec = freq;
                    if (qualified) {
                        PjsipState.Contact target = c;
                        pbx.schedule(delay, () -> poke(target, gen));
                        delay += 50;
                    } else {
                        c.status = "Unknown";
                        c.rttUsec = 0;
                    }
                }
                nextContacts.put(c.id, c);
            }
        }
        contacts.values().stream().filter(c -> !nextContacts.containsKey(c.id)).forEach(c -> c.gen++);
        contacts = nextContacts;
        registrar.apply(next);
    }

    // ---- qualify ----

    FarEnd farEndOf(String uri) {
        String hp = PjsipState.hostPort(uri);
        String host = hp.substring(0, hp.lastIndexOf(':'));
        if (pbx.hostBlocked(host)) {
            return null;
        }
        FarEnd f = pbx.farEnd(hp);
        return f != null ? f : pbx.farEnd(host);
    }

    private boolean live(PjsipState.Contact c, int gen) {
        return contacts.get(c.id) == c && c.gen == gen && c.qualified;
    }

    /** One OPTIONS to a contact; the next is scheduled one qualify_frequency later, whatever the answer. */
    void poke(PjsipState.Contact c, int gen) {
        if (!live(c, gen)) {
            return;
        }
        pbx.schedule(c.frequencySec * 1000L, () -> poke(c, gen));
        probe(c, gen);
    }

    private void probe(PjsipState.Contact c, int gen) {
        FarEnd far = farEndOf(c.uri);
        double rtt = far == null ? -1 : far.optionsRtt(pbx.clock().nowMillis());
        long timeoutMs = Math.round(c.timeoutSec * 1000);
        if (rtt < 0 || rtt > timeoutMs) {
            pbx.schedule(timeoutMs, () -> qualified(c, gen, -1));
        } else {
            pbx.schedule((long) rtt, () -> qualified(c, gen, rtt));
        }
    }

    /** PJSIPQualify / pjsip qualify: an extra OPTIONS to each contact of the endpoint, the schedule unchanged. */
    void qualifyNow(PjObject endpoint) {
        for (PjsipState.Contact c : contactsOf(endpoint)) {
            if (c.qualified) {
                probe(c, c.gen);
            }
        }
    }

    private void qualified(PjsipState.Contact c, int gen, double rttMs) {
        if (!live(c, gen)) {
            return;
        }
        String status = rttMs < 0 ? "Unreachable" : "Reachable";
        c.rttUsec = rttMs < 0 ? 0 : Math.max(1, Math.round(rttMs * 1000));
        if (status.equals(c.status)) {
            return;
        }
        c.status = status;
        List<String> endpoints = endpointsOfAor(c.aor);
        List<String> changed = new ArrayList<>();
        for (String ep : endpoints) {
            String reach = endpointReachability(ep);
            if (!reach.equals(endpointReach.put(ep, reach))) {
                changed.add(ep);
                pbx.publish(pbx.event("PeerStatus", EventClass.SYSTEM.bit(), AmiMessage.builder()
                        .add("ChannelType", "PJSIP").add("Peer", "PJSIP/" + ep).add("PeerStatus", reach)));
                pbx.hooks().pjsipPeerStatus(pbx.serverId(), ep, reach, c.rttUsec);
            }
        }
        pbx.publish(pbx.event("ContactStatus", EventClass.SYSTEM.bit(), AmiMessage.builder()
                .add("URI", c.uri).add("ContactStatus", status).add("AOR", c.aor)
                .add("EndpointName", endpoints.isEmpty() ? "" : endpoints.get(0))
                .add("RoundtripUsec", c.rttUsec)));
        changed.forEach(this::updateDeviceState);
    }

    /** Reachable when any qualified contact of the endpoint is (or when none is qualified). */
    private String endpointReachability(String endpoint) {
        PjObject e = endpoint(endpoint);
        if (e == null) {
            return "Unreachable";
        }
        boolean anyQualified = false;
        for (PjsipState.Contact c : contactsOf(e)) {
            if (c.qualified) {
                anyQualified = true;
                if (c.reachable()) {
                    return "Reachable";
                }
            }
        }
        return anyQualified ? "Unreachable" : "Reachable";
    }

    // ---- device state ----

    /** chan_pjsip_devicestate: INVALID unknown; UNAVAILABLE when unreachable; else from the endpoint's channels. */
    String deviceState(String endpoint) {
        PjObject e = endpoint(endpoint);
        if (e == null) {
            return "INVALID";
        }
        if ("Unreachable".equals(endpointReachability(endpoint))) {
            return "UNAVAILABLE";
        }
        boolean up = false;
        boolean ringing = false;
        for (Channel ch : pbx.channels.all()) {
            if (ch.tech == Channel.Tech.PJSIP && endpoint.equals(ch.peer) && !ch.hungUp) {
                up |= ch.state == ChannelState.UP;
                ringing |= ch.state == ChannelState.RINGING;
            }
        }
        if (up && ringing) {
            return "RINGINUSE";
        }
        return up ? "INUSE" : ringing ? "RINGING" : "NOT_INUSE";
    }

    /** Publishes DeviceStateChange when the endpoint's device state differs from the last one published. */
    void updateDeviceState(String endpoint) {
        String state = deviceState(endpoint);
        if (!state.equals(publishedDeviceState.put(endpoint, state))) {
            pbx.events.deviceState("PJSIP/" + endpoint, state);
        }
    }

    int activeChannels(String endpoint) {
        int n = 0;
        for (Channel ch : pbx.channels.all()) {
            if (ch.tech == Channel.Tech.PJSIP && endpoint.equals(ch.peer)) {
                n++;
            }
        }
        return n;
    }

    // ---- outbound registration (PjsipRegistrar) ----

    List<PjsipState.Registration> registrations() {
        return registrar.registrations();
    }

    boolean registerNow(String name) {
        return registrar.registerNow(name);
    }

    long expiresInSeconds(PjsipState.Registration r) {
        return registrar.expiresInSeconds(r);
    }

    // ---- calls ----

    /** The contact chan_pjsip would send an INVITE to: the first Reachable or unqualified one; null = none. */
    PjsipState.Contact target(PjObject endpoint) {
        for (PjsipState.Contact c : contactsOf(endpoint)) {
            if (!c.qualified || c.reachable()) {
                return c;
            }
        }
        return null;
    }

    /** Sends the INVITE of an outgoing PJSIP channel; the listener hears what the far end does. */
    void invite(Channel ch, PjsipState.Contact contact, SipDriver.LegListener listener) {
        SipDriver.Leg leg = new SipDriver.Leg(ch, listener);
        ch.leg = leg;
        FarEnd far = farEndOf(contact.uri);
        FarEnd.InviteOutcome out = far == null ? new FarEnd.InviteOutcome(0, 0, 0)
                : far.invite(pbx.clock().nowMillis());
        if (out.silent()) {
            pbx.schedule(TIMER_B_MS, () -> {
                if (!leg.finished) {
                    leg.finished = true;
                    ch.techCode = 408;
                    listener.failed(0, HangupCauses.NO_USER_RESPONSE);
                }
            });
            return;
        }
        long rtt = Math.max(1, contact.rttUsec / 1000);
        int code = out.finalCode();
        if (code == 200 || code == -1 || code == 486 || code == 480) {
            pbx.schedule(Math.min(rtt, 5), () -> {
                if (!leg.finished && !ch.hungUp) {
                    leg.ringing = true;
                    listener.ringing();
                }
            });
        }
        if (code == -1) {
            return;
        }
        pbx.schedule(Math.max(rtt, out.ringMillis()), () -> settle(ch, leg, out));
    }

    private void settle(Channel ch, SipDriver.Leg leg, FarEnd.InviteOutcome out) {
        if (leg.finished || ch.hungUp) {
            return;
        }
        if (out.answered()) {
            leg.answered = true;
            leg.listener.answered();
            pbx.schedule(out.talkMillis(), () -> {
                if (!leg.finished && !ch.hungUp) {
                    leg.finished = true;
                    leg.listener.remoteHangup();
                }
            });
            return;
        }
        leg.finished = true;
        ch.techCode = out.finalCode();
        ch.techCause = "SIP " + out.finalCode() + " " + HangupCauses.sipReason(out.finalCode());
        leg.listener.failed(out.finalCode(), HangupCauses.fromSip(out.finalCode()));
    }
}
