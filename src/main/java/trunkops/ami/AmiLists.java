package trunkops.ami;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ListCommandsAction;
import org.asteriskjava.manager.action.PJSipShowEndpointAction;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.action.SipPeersAction;
import org.asteriskjava.manager.action.SipShowRegistryAction;
import org.asteriskjava.manager.event.ContactStatusDetail;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.RegistryEntryEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.PeerEntryEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.actions.DbGetTreeAction;
import trunkops.ami.actions.DbGetTreeResponseEvent;
import trunkops.ami.actions.OutboundRegistrationDetailEvent;
import trunkops.ami.actions.PjsipShowRegistrationsOutboundAction;
import trunkops.topology.Tech;

/** The list actions the gateway runs on its own thread, each turned into plain data; and small link helpers. */
final class AmiLists {

    private static final Logger LOG = LoggerFactory.getLogger(AmiLists.class);

    private AmiLists() {
    }

    /** SIPpeers: every chan_sip peer with its qualify verdict; null when the dialer has no chan_sip. */
    @SuppressWarnings("deprecation") // PeerEntry's IPport header lands in getIpPort(); getPort() stays empty
    static List<SipPeerInfo> sipPeers(ManagerConnection c, long timeoutMs)
            throws IOException, EventTimeoutException {
        List<SipPeerInfo> peers = new ArrayList<>();
        org.asteriskjava.manager.ResponseEvents answer = c.sendEventGeneratingAction(new SipPeersAction(), timeoutMs);
        if (answer.getResponse() instanceof ManagerError) {
            return null; // no chan_sip (Asterisk 21+, or noload): "Invalid/unknown command"
        }
        for (ManagerEvent ev : answer.getEvents()) {
            if (ev instanceof PeerEntryEvent pe) {
                peers.add(SipPeerInfo.of(pe.getObjectName(), pe.getIpAddress(),
                        pe.getIpPort() == null ? 0 : pe.getIpPort(), pe.getStatus()));
            }
        }
        return List.copyOf(peers);
    }

    /**
     * PJSIPShowEndpoints: every PJSIP endpoint's name, in the dialer's order; null when the dialer has no res_pjsip
     * (the action is refused: "Invalid/unknown command").
     */
    static List<String> pjsipEndpoints(ManagerConnection c, long timeoutMs) throws IOException, EventTimeoutException {
        org.asteriskjava.manager.ResponseEvents answer = c.sendEventGeneratingAction(new PJSipShowEndpointsAction(),
                timeoutMs);
        if (answer.getResponse() instanceof ManagerError) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (ManagerEvent ev : answer.getEvents()) {
            if (ev instanceof EndpointList e && e.getObjectName() != null && !e.getObjectName().isBlank()) {
                names.add(e.getObjectName().strip());
            }
        }
        return List.copyOf(names);
    }

    /**
     * PJSIPShowEndpoint: the endpoint's contacts with status and round trip ({@code ContactStatusDetail}); empty
     * when it has no contact. A refusal (endpoint gone: "Unable to retrieve endpoint x" with a bare LF; or
     * "Permission denied") throws IllegalArgumentException with the trimmed message. Its AuthDetail's Password
     * never gets here: the reader masked it.
     */
    static List<PjsipContactInfo> pjsipContacts(ManagerConnection c, String endpoint, long timeoutMs)
            throws IOException, EventTimeoutException {
        PJSipShowEndpointAction a = new PJSipShowEndpointAction();
        a.setEndpoint(endpoint);
        org.asteriskjava.manager.ResponseEvents answer = c.sendEventGeneratingAction(a, timeoutMs);
        if (answer.getResponse() instanceof ManagerError err) {
            throw new IllegalArgumentException(err.getMessage() == null ? "refused" : err.getMessage().strip());
        }
        List<PjsipContactInfo> out = new ArrayList<>();
        for (ManagerEvent ev : answer.getEvents()) {
            if (ev instanceof ContactStatusDetail d) {
                String owner = d.getEndpointName() == null || d.getEndpointName().isBlank() ? endpoint
                        : d.getEndpointName();
                out.add(PjsipContactInfo.of(owner, d.getAor(), d.getUri(), d.getStatus(), d.getRoundtripUsec()));
            }
        }
        return List.copyOf(out);
    }

    /** PJSIPShowRegistrationsOutbound: every res_pjsip outbound registration; null when refused (no res_pjsip). */
    static List<RegistrationInfo> pjsipRegistrations(ManagerConnection c, long timeoutMs)
            throws IOException, EventTimeoutException {
        org.asteriskjava.manager.ResponseEvents answer = c.sendEventGeneratingAction(
                new PjsipShowRegistrationsOutboundAction(), timeoutMs);
        if (answer.getResponse() instanceof ManagerError) {
            return null;
        }
        List<RegistrationInfo> out = new ArrayList<>();
        for (ManagerEvent ev : answer.getEvents()) {
            if (ev instanceof OutboundRegistrationDetailEvent r && r.getObjectName() != null) {
                out.add(new RegistrationInfo(Tech.PJSIP, r.getObjectName(), r.getEndpoint(), r.getClientUri(),
                        r.getServerUri(), r.getStatus()));
            }
        }
        return List.copyOf(out);
    }

    /** SIPshowregistry: chan_sip's {@code register =>} lines with their state; null when refused (no chan_sip). */
    static List<RegistrationInfo> sipRegistry(ManagerConnection c, long timeoutMs)
            throws IOException, EventTimeoutException {
        org.asteriskjava.manager.ResponseEvents answer = c.sendEventGeneratingAction(new SipShowRegistryAction(),
                timeoutMs);
        if (answer.getResponse() instanceof ManagerError) {
            return null;
        }
        List<RegistrationInfo> out = new ArrayList<>();
        for (ManagerEvent ev : answer.getEvents()) {
            if (ev instanceof RegistryEntryEvent r && r.getHost() != null) {
                String server = r.getHost() + (r.getPort() == null ? "" : ":" + r.getPort());
                out.add(new RegistrationInfo(Tech.SIP, r.getUsername() + "@" + server, "", r.getUsername(), server,
                        r.getState()));
            }
        }
        return List.copyOf(out);
    }

    /** CoreShowChannels: the names of the dialer's live channels. */
    static List<String> channels(ManagerConnection c, long timeoutMs) throws IOException, EventTimeoutException {
        List<String> names = new ArrayList<>();
        for (ManagerEvent ev : c.sendEventGeneratingAction(new CoreShowChannelsAction(), timeoutMs).getEvents()) {
            if (ev instanceof CoreShowChannelEvent ch && ch.getChannel() != null) {
                names.add(ch.getChannel());
            }
        }
        return List.copyOf(names);
    }

    /** DBGetTree: key → value under {@code family}/{@code key}. */
    static Map<String, String> dbTree(ManagerConnection c, String family, String key, long timeoutMs)
            throws IOException, EventTimeoutException {
        Map<String, String> out = new TreeMap<>();
        org.asteriskjava.manager.ResponseEvents answer = c.sendEventGeneratingAction(new DbGetTreeAction(family, key),
                timeoutMs);
        if (answer.getResponse() instanceof ManagerError err) {
            // e.g. an Asterisk older than 16.28 / 18.14 / 19.6, or a user without 'system'/'reporting': never "empty"
            throw new IllegalStateException("DBGetTree refused: " + err.getMessage());
        }
        for (ManagerEvent ev : answer.getEvents()) {
            if (ev instanceof DbGetTreeResponseEvent r) {
                out.put(r.getKey(), r.getVal() == null ? "" : r.getVal());
            }
        }
        return out;
    }

    /** ListCommands: action (lower case) → write classes, or null when the server did not answer it. */
    static Map<String, Set<String>> commands(ManagerConnection c, long timeoutMs) throws IOException, TimeoutException {
        ManagerResponse r = c.sendAction(new ListCommandsAction(), timeoutMs);
        if (r == null || r instanceof ManagerError || r.getAttributes() == null) {
            return null;
        }
        return PrivilegeCheck.actions(r.getAttributes());
    }

    static String describe(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return "no answer (timeout)";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Logs off on a thread of its own (a dead link may block), ending asterisk-java's own reconnect too. */
    static void quietLogoff(ManagerConnection c) {
        Thread t = new Thread(() -> {
            try {
                if (c.getState() == ManagerConnectionState.CONNECTED
                        || c.getState() == ManagerConnectionState.RECONNECTING) {
                    c.logoff();
                }
            } catch (RuntimeException e) {
                LOG.debug("logoff of a dead AMI link failed", e);
            }
        }, "ami-logoff");
        t.setDaemon(true);
        t.start();
    }
}
