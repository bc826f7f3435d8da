package trunkops.health;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.PjsipContactInfo;
import trunkops.ami.RegistrationInfo;
import trunkops.ami.SipPeerInfo;
import trunkops.db.DbLinkStatus;
import trunkops.topology.ClusterTopology;
import trunkops.topology.HostPort;
import trunkops.topology.Tech;
import trunkops.topology.Trunk;
import trunkops.topology.TrunkKey;

/**
 * The console's health model of one cluster, FX-free: per trunk verdicts with hysteresis and flapping, latency
 * histories, live calls per trunk, link freshness per dialer, and the timeline of changes. Observations come in
 * from the AMI gateways (through the monitor thread, which owns this object); {@link #views} turns it into what
 * the board shows at a given moment: UNKNOWN until a dialer reported after its current connect, STALE when the
 * link is down or the last report is too old, never green without fresh data.
 */
final class ClusterHealth {

    private static final int TIMELINE_MAX = 2_000;
    static final int SPARKLINE_SLOTS = 60;

    private final HealthSettings settings;
    /** Keyed by server, technology and peer: a PJSIP or IAX2 status never touches a chan_sip trunk. */
    private final Map<TrunkKey, TrunkHealth> trunks = new HashMap<>();
    private final Map<String, AmiLinkStatus> links = new HashMap<>();
    private final Map<String, Boolean> fresh = new HashMap<>();
    private final ChannelTable channels = new ChannelTable(ChannelTable.DEFAULT_CAP);
    private final Map<String, String> problems = new HashMap<>();
    private final Deque<TimelineEntry> timeline = new ArrayDeque<>();
    private final Map<String, Map<String, String>> adopted = new HashMap<>();
    private final AdminFlags admin;
    private final Map<TrunkKey, ForcedState> lastForced = new HashMap<>();
    private final Map<String, String> adminProblems = new HashMap<>();
    private final SipStacks stacks = new SipStacks();
    private AdminNotes notes = AdminNotes.NONE;
    private DbLinkStatus db;

    ClusterHealth(HealthSettings settings) {
        this.settings = settings;
        this.admin = new AdminFlags(Math.max(20_000L, settings.staleAfterMs()));
    }

    /** Who forced a trunk and why (the audit journal's hook). */
    void notes(AdminNotes n) {
        this.notes = n;
    }

    /** A DBGetTree of {@code trunkops/admin} on {@code serverId} (full key to value). */
    void adminFlags(String serverId, Map<String, String> tree, long at) {
        admin.read(serverId, tree, at);
        adminProblem(serverId, at);
    }

    /** The flags of {@code serverId} could not be read. */
    void adminFlagsFailed(String serverId, String problem, long at) {
        admin.failed(serverId, problem, at);
        adminProblem(serverId, at);
    }

    /** A timeline line when a dialer's flags become unreadable, and when they are readable again. */
    private void adminProblem(String serverId, long at) {
        String p = admin.problem(serverId, at);
        String was = adminProblems.get(serverId);
        if (p != null && was == null) {
            note(at, serverId, serverId + " admin flags", "read", "UNKNOWN", p);
        } else if (p == null && was != null) {
            note(at, serverId, serverId + " admin flags", "UNKNOWN", "read", "");
        }
        if (p == null) {
            adminProblems.remove(serverId);
        } else {
            adminProblems.put(serverId, p);
        }
    }

    TrunkHealth trunk(TrunkKey k) {
        return trunks.get(k);
    }

    /** Makes sure every trunk of the topology has a health record (existing records keep their history). */
    void topology(ClusterTopology t) {
        for (Trunk tr : t.trunks()) {
            trunks.computeIfAbsent(tr.key(), k -> new TrunkHealth(settings));
        }
        stacks.topology(t);
    }

    /** The console's lagged thresholds for PJSIP trunks (per carrier). */
    void pjsipThresholds(PjsipLagThresholds t) {
        stacks.thresholds(t);
    }

    /** A PJSIP poll (PJSIPShowEndpoint per endpoint): all contacts of {@code endpoints}; true if one is a trunk. */
    boolean pjsipContacts(String serverId, List<String> endpoints, List<PjsipContactInfo> contacts, long at) {
        boolean watched = false;
        for (Map.Entry<String, List<PjsipContactInfo>> e : SipStacks.byEndpoint(endpoints, contacts).entrySet()) {
            TrunkKey k = PjsipContacts.key(serverId, e.getKey());
            stacks.contacts.replace(k, e.getValue());
            watched |= observeContacts(k, at, "PJSIPShowEndpoint");
        }
        return watched;
    }

    /** A ContactStatus event (no Time; RoundtripUsec in µs). */
    boolean contactStatus(String serverId, PjsipContactInfo c, long at) {
        TrunkKey k = PjsipContacts.key(serverId, c.endpoint());
        if (!trunks.containsKey(k)) {
            return false; // a phone's contact: not kept
        }
        stacks.contacts.update(k, c);
        return observeContacts(k, at, "ContactStatus " + c.status());
    }

    private boolean observeContacts(TrunkKey k, long at, String source) {
        PjsipContacts.Verdict v = stacks.contacts.verdict(k, stacks.laggedMs(k));
        return observe(k.serverId(), Tech.PJSIP, k.peer(), v.observation(), v.rttMs(), at, source + ": " + v.why());
    }

    /** Without a database: the PJSIP endpoints a dialer lists are trunks. */
    void adoptPjsip(String serverId, List<String> endpoints) {
        for (String e : endpoints) {
            trunks.computeIfAbsent(PjsipContacts.key(serverId, e), k -> new TrunkHealth(settings));
        }
        stacks.adopt(serverId, endpoints);
    }

    /** A complete registration list of {@code techs} (SIPshowregistry, PJSIPShowRegistrationsOutbound). */
    void registrations(String serverId, java.util.Set<Tech> techs, List<RegistrationInfo> list, long at) {
        stacks.registrations.snapshot(serverId, techs, list, at).forEach(c -> registrationNote(c, at));
    }

    /** A Registry event; PJSIP repeats Registered after every refresh, which changes nothing. */
    void registry(String serverId, Tech tech, String client, String server, String status, long at) {
        java.util.Optional.ofNullable(stacks.registrations.event(serverId, tech, client, server, status, at))
                .ifPresent(c -> registrationNote(c, at));
    }

    private void registrationNote(Registrations.Change c, long at) {
        note(at, c.serverId(), c.serverId() + " registration " + c.name(), c.from(), c.to(), "");
    }

    void link(AmiLinkStatus s, long now) {
        AmiLinkStatus prev = links.put(s.serverId(), s);
        if (s.state() != AmiLinkState.CONNECTED) {
            fresh.put(s.serverId(), false);
            admin.forget(s.serverId(), now);
        }
        if (prev == null || prev.state() != s.state()) {
            note(now, s.serverId(), s.serverId() + " AMI", prev == null ? "" : prev.state().name(),
                    s.state().name(), s.message());
        }
    }

    AmiLinkStatus link(String serverId) {
        return links.get(serverId);
    }

    void problem(String serverId, String message) {
        if (!message.equals(problems.put(serverId, message))) {
            note(System.currentTimeMillis(), serverId, serverId + " AMI", "", "problem", message);
        }
    }

    String problem(String serverId) {
        return problems.get(serverId);
    }

    void db(DbLinkStatus s, long now) {
        DbLinkStatus prev = db;
        db = s;
        if (prev == null || prev.state() != s.state()) {
            note(now, "", "database", prev == null ? "" : prev.state().name(), s.state().name(), s.message());
        }
    }

    /** A full SIPpeers list after a connect: the dialer's data is fresh from now on. */
    void peersSnapshot(String serverId, List<SipPeerInfo> peers, long at) {
        fresh.put(serverId, true);
        for (TrunkHealth h : trunks.values()) {
            h.resetForNewLink();
        }
        for (SipPeerInfo p : peers) {
            Observation o = switch (p.status()) {
                case OK -> Observation.GOOD;
                case LAGGED -> Observation.LAGGED;
                case UNREACHABLE -> Observation.BAD;
                case UNKNOWN -> Observation.UNKNOWN;
                case UNMONITORED -> Observation.UNMONITORED;
            };
            observe(serverId, Tech.SIP, p.name(), o, p.latencyMs(), at, "SIPpeers " + p.statusText());
        }
    }

    /**
     * A PeerStatus of technology {@code tech}: it changes only a trunk of that technology. Returns whether it was
     * about a watched trunk (a phone's or an unknown peer's status changes nothing).
     */
    boolean peerStatus(String serverId, Tech tech, String peer, String word, Integer timeMs, long at) {
        Observation o = Observation.ofPeerStatus(word);
        if (o == null) {
            return false;
        }
        if (tech == Tech.PJSIP && o != Observation.BAD) {
            // per endpoint, without a round trip: the ContactStatus that comes with it decides (lagged threshold)
            return trunks.containsKey(new TrunkKey(serverId, tech, peer));
        }
        return observe(serverId, tech, peer, o, timeMs == null ? -1 : timeMs, at, "PeerStatus " + word
                + (timeMs != null && timeMs >= 0 ? " " + timeMs + " ms" : ""));
    }

    private boolean observe(String serverId, Tech tech, String peer, Observation o, int ms, long at, String why) {
        TrunkHealth h = trunks.get(new TrunkKey(serverId, tech, peer));
        if (h == null) {
            return false;
        }
        TrunkState before = h.observe(o, ms, at);
        if (before != null) {
            note(at, serverId, serverId + "/" + peer, before.label(), h.verdict().label(), why);
        }
        return true;
    }

    void channels(String serverId, List<String> names) {
        channels.resync(serverId, names);
        if (channels.overflowed(serverId) > 0) {
            tooManyChannels(serverId);
        }
    }

    void channelStarted(String serverId, String channel) {
        if (channels.started(serverId, channel)) {
            tooManyChannels(serverId);
        }
    }

    private void tooManyChannels(String serverId) {
        problem(serverId, "more than " + channels.cap() + " live channels: the others are not counted until the next"
                + " CoreShowChannels resync (within a minute)");
    }

    void channelEnded(String serverId, String channel) {
        channels.ended(serverId, channel);
    }

    /** A Hangup with its cause and chan_pjsip's TechCause (the SIP code; -1 when none, as on chan_sip). */
    void hangup(String serverId, String channel, int cause, int sipCode, long at) {
        channels.ended(serverId, channel);
        stacks.hangup(serverId, channel, cause, sipCode, at);
    }

    int calls(String serverId, String peer) {
        return channels.calls(serverId, peer);
    }

    int calls(String serverId) {
        return channels.calls(serverId);
    }

    private void note(long at, String serverId, String subject, String from, String to, String detail) {
        timeline.addFirst(new TimelineEntry(at, serverId, subject, from, to, detail));
        while (timeline.size() > TIMELINE_MAX) {
            timeline.removeLast();
        }
    }

    List<TimelineEntry> timeline(int max) {
        List<TimelineEntry> out = new ArrayList<>(Math.min(max, timeline.size()));
        for (TimelineEntry e : timeline) {
            if (out.size() >= max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The board's view of every trunk of {@code topology} at {@code now}. */
    List<TrunkView> views(ClusterTopology topology, long now) {
        List<TrunkView> partial = new ArrayList<>();
        for (Trunk t : topology.trunks()) {
            String carrierName = topology.carrier(t.carrierId()).map(c -> c.row().carrierName()).orElse("");
            int maxMs = t.tech() == Tech.PJSIP ? stacks.laggedMs(t.key())
                    : t.peer().qualify().enabled() ? t.peer().qualify().maxMs() : 0;
            partial.add(view(t.key(), t.name(), t.carrierId(), carrierName,
                    t.peer().host() == null ? "" : t.peer().host(), maxMs, now));
        }
        forcedTransitions(partial, now);
        return TrunkScopes.withScopes(partial);
    }

    /**
     * Without a database (the headless status command against a plain Asterisk): every peer a dialer listed is
     * a trunk. {@link #adopt} registers them.
     */
    void adopt(String serverId, List<SipPeerInfo> peers) {
        for (SipPeerInfo p : peers) {
            TrunkKey key = new TrunkKey(serverId, Tech.SIP, p.name());
            trunks.computeIfAbsent(key, k -> new TrunkHealth(settings));
            String host = p.address() == null ? "" : p.address();
            adopted.computeIfAbsent(serverId, k -> new java.util.TreeMap<>()).put(key.peer(), host);
            stacks.addresses(key, host.isBlank() ? List.of() : List.of(new HostPort(host, p.port()))); // registrations
        }
    }

    List<TrunkView> adoptedViews(String serverId, long now) {
        List<TrunkView> out = new ArrayList<>();
        adopted.getOrDefault(serverId, Map.of()).forEach((peer, host) -> out.add(view(
                new TrunkKey(serverId, Tech.SIP, peer), peer, "", "", host, 0, now)));
        for (String e : stacks.adopted(serverId)) {
            TrunkKey k = PjsipContacts.key(serverId, e);
            out.add(view(k, e, "", "", stacks.contactHost(k), stacks.laggedMs(k), now));
        }
        return TrunkScopes.withScopes(out);
    }

    private TrunkView view(TrunkKey key, String peerName, String carrierId, String carrierName, String host,
                           int maxMs, long now) {
        TrunkHealth h = trunks.get(key);
        AmiLinkStatus link = links.get(key.serverId());
        boolean connected = link != null && link.state() == AmiLinkState.CONNECTED;
        boolean isFresh = connected && fresh.getOrDefault(key.serverId(), false);
        TrunkState state;
        String words;
        if (h == null || !h.hasVerdict()) {
            state = TrunkState.UNKNOWN;
            words = !connected ? "no data: AMI link " + (link == null ? "not started" : "down")
                    : isFresh ? "not loaded on the dialer (configuration not rebuilt yet?)"
                    : "waiting for the dialer's first report";
        } else if (!isFresh) {
            state = TrunkState.STALE;
            words = "last known " + h.verdict().label().toLowerCase(Locale.ROOT) + ", AMI link down";
        } else if (now - h.lastObservationMillis() > settings.staleAfterMs()) {
            state = TrunkState.STALE;
            words = "last known " + h.verdict().label().toLowerCase(Locale.ROOT) + ", no report for "
                    + (now - h.lastObservationMillis()) / 1000 + " s";
        } else {
            state = h.verdict();
            words = (state == TrunkState.REACHABLE || state == TrunkState.LAGGED) && h.latencyMs() >= 0
                    ? state.label() + " " + h.latencyMs() + " ms" : state.label();
            words += key.tech() == Tech.PJSIP ? stacks.contactWords(key) : "";
            if (state == TrunkState.LAGGED && key.tech() == Tech.PJSIP) {
                words += " \u2014 the console's verdict: over its " + maxMs + " ms threshold (res_pjsip has no"
                        + " Lagged and still says Reachable)";
            }
        }
        words += stacks.lastFailure(key);
        RegistrationView reg = stacks.registration(key, isFresh);
        return new TrunkView(key, carrierId, carrierName, host, state, h != null && h.flapping(now), TrunkScope.NONE,
                h == null ? -1 : h.latencyMs(), channels.calls(key.serverId(), key.tech(), peerName), words,
                h == null ? 0 : h.lastObservationMillis(), h == null ? 0 : h.verdictSinceMillis(),
                h == null ? new short[0] : h.history.tail(now, SPARKLINE_SLOTS), maxMs,
                admin.state(key, now, notes), reg);
    }

    /**
     * Timeline lines when a forced state appears, changes, ends (flag deleted) or expires (its until passed). A
     * trunk whose flags are unknown keeps its last known state here, so a link blip adds no lines.
     */
    private void forcedTransitions(List<TrunkView> views, long now) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        java.time.Instant at = java.time.Instant.ofEpochMilli(now);
        for (TrunkView v : views) {
            ForcedState f = v.forced();
            if (!f.known()) {
                continue;
            }
            ForcedState was = lastForced.put(v.key(), f);
            boolean wasActive = was != null && was.active();
            String subject = v.serverId() + "/" + v.peer();
            if (f.active() && (!wasActive || was.state() != f.state() || !was.until().equals(f.until()))) {
                String extra = f.words(zone, at).substring(f.label().length()).strip();
                note(now, v.serverId(), subject, wasActive ? was.label() : "in service", f.label(),
                        (extra.isEmpty() ? "" : extra + " \u00B7 ") + "probe " + v.verdictWords());
            } else if (!f.active() && wasActive) {
                boolean expired = admin.flag(v.key(), now).isPresent();
                note(now, v.serverId(), subject, was.label(), "in service", expired
                        ? "expired (" + was.untilWords(zone, at) + ")" : "flag removed");
            }
        }
    }

    /** A copy of one trunk's latency history between two instants (for the latency chart). */
    LatencyHistory.Series history(TrunkKey k, long from, long to) {
        TrunkHealth h = trunk(k);
        return h == null ? new LatencyHistory.Series(new long[0], new short[0]) : h.history.range(from, to);
    }
}
