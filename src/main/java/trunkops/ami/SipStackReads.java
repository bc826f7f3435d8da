package trunkops.ami;

import java.io.IOException;
import java.util.List;

import org.asteriskjava.manager.ManagerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's reads of the PJSIP endpoints and contacts and of both stacks' registrations, on its thread:
 * {@code PJSIPShowEndpoints}, {@code PJSIPShowEndpoint} per watched endpoint (static contacts are only there),
 * {@code SIPshowregistry} and {@code PJSIPShowRegistrationsOutbound}, each turned into listener calls.
 */
final class SipStackReads {

    private static final Logger LOG = LoggerFactory.getLogger(SipStackReads.class);

    private final AmiTarget target;
    private final AmiGatewayListener listener;
    private final PjsipPollPlan pjsip;
    private final int timeoutMs;

    SipStackReads(AmiTarget target, AmiGatewayListener listener, PjsipPollPlan pjsip, int timeoutMs) {
        this.target = target;
        this.listener = listener;
        this.pjsip = pjsip;
        this.timeoutMs = timeoutMs;
    }

    /** PJSIPShowEndpoints; then, on a (re)connect, the contacts of every watched endpoint (the PJSIP snapshot). */
    void endpoints(ManagerConnection c, boolean snapshot) {
        try {
            pjsip.endpoints(AmiLists.pjsipEndpoints(c, timeoutMs));
        } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
            LOG.warn("AMI {}: PJSIPShowEndpoints failed: {}", target, AmiLists.describe(e));
            if (!snapshot) {
                return;
            }
        }
        if (snapshot && pjsip.hasPjsip()) {
            poll(c, true);
        } else if (snapshot) { // no res_pjsip: an empty PJSIP snapshot, so a watcher knows there is nothing to wait for
            listener.pjsipContacts(target.serverId(), List.of(), List.of(), true, System.currentTimeMillis());
        }
    }

    /** PJSIPShowEndpoint per watched endpoint: status and round trip of its contacts (static ones included). */
    void poll(ManagerConnection c, boolean snapshot) {
        List<String> names = pjsip.polled();
        List<String> done = new java.util.ArrayList<>(names.size());
        List<PjsipContactInfo> contacts = new java.util.ArrayList<>();
        try {
            for (String e : names) {
                try {
                    contacts.addAll(AmiLists.pjsipContacts(c, e, timeoutMs));
                    done.add(e);
                } catch (IllegalArgumentException refused) { // no observation: the trunk turns STALE, never green
                    if (refused.getMessage().toLowerCase(java.util.Locale.ROOT).contains("permission")) {
                        listener.gatewayProblem(target.serverId(), "PJSIP poll (PJSIPShowEndpoint) refused: "
                                + refused.getMessage() + " (the AMI user needs write class 'system')");
                        break;
                    }
                }
            }
        } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
            LOG.warn("AMI {}: PJSIPShowEndpoint failed: {}", target, AmiLists.describe(e));
        }
        listener.pjsipContacts(target.serverId(), List.copyOf(done), List.copyOf(contacts), snapshot,
                System.currentTimeMillis());
    }

    /** SIPshowregistry and PJSIPShowRegistrationsOutbound, each for the stack the dialer has. */
    void registrations(ManagerConnection c) {
        java.util.Set<trunkops.topology.Tech> complete = java.util.EnumSet.noneOf(trunkops.topology.Tech.class);
        List<RegistrationInfo> all = new java.util.ArrayList<>();
        try {
            if (pjsip.hasChanSip()) {
                List<RegistrationInfo> sip = AmiLists.sipRegistry(c, timeoutMs);
                if (sip != null) {
                    all.addAll(sip);
                    complete.add(trunkops.topology.Tech.SIP);
                }
            }
            if (pjsip.hasPjsip()) {
                List<RegistrationInfo> pj = AmiLists.pjsipRegistrations(c, timeoutMs);
                if (pj != null) {
                    all.addAll(pj);
                    complete.add(trunkops.topology.Tech.PJSIP);
                }
            }
        } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
            LOG.warn("AMI {}: registrations not read: {}", target, AmiLists.describe(e));
        }
        listener.registrations(target.serverId(), complete, List.copyOf(all), System.currentTimeMillis());
    }
}
