package trunkops.lab;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.ami.AmiServer;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.pbx.FarEnd;
import trunkops.lab.pbx.Pbx;
import trunkops.lab.vici.ViciKeepalive;

/**
 * Fault injection into the running lab, for tests, benchmarks and demos. Trunk faults act on the far end (a
 * carrier SBC dying is seen by every dialer) or on one dialer's path to it (a server-local network problem);
 * AMI faults act on one dialer's manager port; the database can be stopped and started.
 */
public final class LabFaults {

    private static final Logger LOG = LoggerFactory.getLogger(LabFaults.class);

    private final LabClock clock;
    private final Map<String, Pbx> dialers;
    private final Map<String, AmiServer> amiServers;
    private final Map<String, FarEnd> farEnds;
    private final LabDatabase database;
    private final ViciKeepalive keepalive;

    LabFaults(LabClock clock, Map<String, Pbx> dialers, Map<String, AmiServer> amiServers,
              Map<String, FarEnd> farEnds, LabDatabase database, ViciKeepalive keepalive) {
        this.keepalive = keepalive;
        this.clock = clock;
        this.dialers = dialers;
        this.amiServers = amiServers;
        this.farEnds = farEnds;
        this.database = database;
    }

    /** The far end a peer name points at (looked up on any dialer that has the peer). */
    public FarEnd farEndOfPeer(String peer) {
        for (Pbx p : dialers.values()) {
            String host = p.peerHost(peer);
            if (host != null && farEnds.containsKey(host)) {
                return farEnds.get(host);
            }
        }
        throw new IllegalArgumentException("no lab trunk called '" + peer + "' (peer names come from account_entry)");
    }

    /** The carrier behind {@code peer} stops answering anything (OPTIONS and INVITE): seen by every dialer. */
    public void killTrunk(String peer) {
        farEndOfPeer(peer).kill();
        LOG.info("lab fault: trunk {} killed", peer);
    }

    /** Undoes every fault on the far end behind {@code peer}. */
    public void restoreTrunk(String peer) {
        farEndOfPeer(peer).restore();
        for (Pbx p : dialers.values()) {
            String host = p.peerHost(peer);
            if (host != null) {
                p.blockHost(host, false);
            }
        }
        LOG.info("lab fault: trunk {} restored", peer);
    }

    /** Adds latency to every answer of the far end (above the peer's qualify threshold it turns LAGGED). */
    public void lagTrunk(String peer, double extraMs) {
        farEndOfPeer(peer).lag(extraMs);
        LOG.info("lab fault: trunk {} lagging +{} ms", peer, extraMs);
    }

    /** The far end is down for half of every period (lab time), up for the other half. */
    public void flapTrunk(String peer, long periodMs) {
        farEndOfPeer(peer).flap(periodMs, clock.nowMillis());
        LOG.info("lab fault: trunk {} flapping every {} ms", peer, periodMs);
    }

    /** The far end still answers OPTIONS but rejects this fraction of calls with {@code sipCode} (e.g. 503). */
    public void failCalls(String peer, int sipCode, double fraction) {
        farEndOfPeer(peer).failCalls(sipCode, fraction);
        LOG.info("lab fault: trunk {} fails {}% of calls with {}", peer, Math.round(fraction * 100), sipCode);
    }

    /**
     * The registrar behind a PJSIP endpoint or outbound registration stops answering REGISTER (OPTIONS and calls
     * still work): the registration turns Rejected when its next refresh times out (refresh + 32 s), and
     * Registered again at the first retry after {@code down=false}.
     */
    public void registrarDown(String endpointOrRegistration, boolean down) {
        farEndOfPeer(endpointOrRegistration).registrarDown(down);
        LOG.info("lab fault: registrar behind {} {}", endpointOrRegistration, down ? "down" : "up");
    }

    /** One dialer loses its path to the far end behind {@code peer}; the others still reach it. */
    public void isolateTrunk(String serverId, String peer) {
        Pbx p = dialer(serverId);
        String host = p.peerHost(peer);
        if (host == null) {
            throw new IllegalArgumentException(serverId + " has no peer '" + peer + "'");
        }
        p.blockHost(host, true);
        LOG.info("lab fault: {} cannot reach trunk {}", serverId, peer);
    }

    /** The dialer's manager port goes away: every AMI client is disconnected and new ones are refused. */
    public void dropAmi(String serverId) {
        ami(serverId).stop();
        LOG.info("lab fault: AMI of {} dropped", serverId);
    }

    /** The dialer's manager port comes back on the same address and port. */
    public void restartAmi(String serverId) {
        try {
            ami(serverId).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not reopen the AMI port of " + serverId + ": " + e.getMessage(), e);
        }
        LOG.info("lab fault: AMI of {} restarted", serverId);
    }

    /** The dialer's manager hangs: connections stay open but nothing is read or written until thawed. */
    public void hangAmi(String serverId, boolean hung) {
        ami(serverId).freeze(hung);
        LOG.info("lab fault: AMI of {} {}", serverId, hung ? "hanging" : "answering again");
    }

    /**
     * The dialer's manager sends malformed frames to every logged-in client once: a header without a colon, a
     * non-numeric latency, a PeerStatus for no peer, an unknown event, a response nobody asked for, bytes that
     * are not UTF-8, and a 64 KiB header line. A client must skip them, say so, and keep following the dialer.
     */
    public void garbleAmi(String serverId) {
        StringBuilder longValue = new StringBuilder(65_536);
        while (longValue.length() < 65_536) {
            longValue.append("0123456789abcdef");
        }
        String text = "Event: PeerStatus\r\nPrivilege: system,all\r\nChannelType: SIP\r\nPeer SIP/nsvoice\r\n"
                + "PeerStatus: Unreachable\r\n\r\n"
                + "Event: PeerStatus\r\nPrivilege: system,all\r\nChannelType: SIP\r\nPeer: SIP/\r\n"
                + "PeerStatus: Bogus\r\nTime: fast\r\n\r\n"
                + "Event: ThisEventDoesNotExist\r\nPrivilege: system,all\r\nFoo: bar\r\n\r\n"
                + "Response: Success\r\nActionID: nobody-asked-for-this\r\nMessage: stray\r\n\r\n"
                + "Event: Newchannel\r\nPrivilege: call,all\r\nX-Padding: " + longValue + "\r\n\r\n";
        byte[] head = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, '\r', '\n', '\r', '\n'};
        byte[] all = java.util.Arrays.copyOf(head, head.length + binary.length);
        System.arraycopy(binary, 0, all, head.length, binary.length);
        int n = 0;
        for (trunkops.lab.ami.AmiSession session : ami(serverId).sessions()) {
            if (session.authenticated()) {
                session.write(all);
                n++;
            }
        }
        LOG.info("lab fault: AMI of {} sent malformed frames to {} client(s)", serverId, n);
    }

    /** ViciDial's keepalive stops running (cron off): rebuild flags stay 'Y', nothing is regenerated. */
    public void stopKeepalive() {
        keepalive.stopped(true);
        LOG.info("lab fault: keepalive stopped");
    }

    /** The keepalive runs again, without extra delay. */
    public void restoreKeepalive() {
        keepalive.stopped(false);
        keepalive.extraDelay(java.time.Duration.ZERO);
        LOG.info("lab fault: keepalive restored");
    }

    /** Every keepalive pass first waits {@code labDelay} (lab time), e.g. 3 min. */
    public void slowKeepalive(java.time.Duration labDelay) {
        keepalive.extraDelay(labDelay);
        LOG.info("lab fault: keepalive slowed by {}", labDelay);
    }

    public void stopDatabase() {
        database.stop();
        LOG.info("lab fault: database stopped");
    }

    public void startDatabase() {
        database.start();
        LOG.info("lab fault: database started");
    }

    private Pbx dialer(String serverId) {
        Pbx p = dialers.get(serverId);
        if (p == null) {
            throw new IllegalArgumentException("no lab dialer '" + serverId + "' (have " + dialers.keySet() + ")");
        }
        return p;
    }

    private AmiServer ami(String serverId) {
        AmiServer a = amiServers.get(serverId);
        if (a == null) {
            throw new IllegalArgumentException("no lab dialer '" + serverId + "' (have " + amiServers.keySet() + ")");
        }
        return a;
    }
}
