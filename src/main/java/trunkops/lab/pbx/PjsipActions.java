package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.ActionRegistry;
import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * res_pjsip's manager actions as Asterisk 20.20.1 answers them (23-/24-/29- transcripts): the list actions with
 * their start response, list events and Complete event; errors that end in a bare LF where res_pjsip's messages
 * carry one; PJSIPShowContacts lists only sorcery (registered) contacts, so a trunk-only dialer always answers
 * {@code No Contacts found}.
 */
final class PjsipActions {

    private static final int SYSTEM = EventClass.SYSTEM.bit();
    private static final int REPORTING = EventClass.REPORTING.bit();

    private final Pbx pbx;
    private final PjsipDetails details;

    private PjsipActions(Pbx pbx) {
        this.pbx = pbx;
        this.details = new PjsipDetails(pbx.pjsip);
    }

    static void register(Pbx pbx, ActionRegistry r) {
        PjsipActions a = new PjsipActions(pbx);
        r.register("PJSIPShowEndpoints", SYSTEM, a::endpoints)
                .register("PJSIPShowEndpoint", SYSTEM, a::endpoint)
                .register("PJSIPShowContacts", SYSTEM, a::contacts)
                .register("PJSIPShowAors", SYSTEM, a::aors)
                .register("PJSIPQualify", SYSTEM | REPORTING, a::qualify)
                .register("PJSIPShowRegistrationsOutbound", SYSTEM | REPORTING, a::registrationsOutbound)
                .register("PJSIPShowRegistrationsInbound", SYSTEM, a::registrationsInbound)
                .register("PJSIPRegister", SYSTEM | REPORTING, a::register);
    }

    private PjsipConfig.Objects objects() {
        return pbx.pjsip.objects();
    }

    void endpoints(ActionContext ctx) {
        List<PjObject> all = new ArrayList<>(objects().of("endpoint").values());
        if (all.isEmpty()) {
            ctx.error("No endpoints found\n");
            return;
        }
        ctx.send(PbxActions.listAck(ctx, "A listing of Endpoints follows, presented as EndpointList events"));
        for (PjObject e : all) {
            ctx.send(details.endpointList(ctx.actionId(), e));
        }
        ctx.send(PbxActions.listComplete(ctx, "EndpointListComplete", all.size()));
    }

    void endpoint(ActionContext ctx) {
        String name = ctx.get("Endpoint");
        if (name.isEmpty()) {
            ctx.error("PJSIPShowEndpoint requires an endpoint name\n");
            return;
        }
        PjObject e = pbx.pjsip.endpoint(name);
        if (e == null) {
            ctx.error("Unable to retrieve endpoint " + name + "\n");
            return;
        }
        ctx.send(PbxActions.listAck(ctx, "Following are Events for each object associated with the Endpoint"));
        String id = ctx.actionId();
        List<AmiMessage.Builder> items = new ArrayList<>();
        items.add(details.endpointDetail(id, e));
        for (String authName : e.list("outbound_auth")) {
            PjObject auth = objects().get("auth", authName);
            if (auth != null) {
                items.add(details.authDetail(id, auth, e.id()));
            }
        }
        PjObject transport = objects().get("transport", e.opt("transport"));
        if (transport != null) {
            items.add(details.transportDetail(id, transport, e.id()));
        }
        for (String aorName : e.list("aors")) {
            PjObject aor = objects().get("aor", aorName);
            if (aor == null) {
                continue;
            }
            items.add(details.aorDetail(id, aor, e.id()));
            for (PjsipState.Contact c : pbx.pjsip.contactsOfAor(aorName)) {
                items.add(details.contactStatusDetail(id, c, e.id()));
            }
        }
        for (PjObject ident : objects().of("identify").values()) {
            if (ident.opt("endpoint").equals(e.id())) {
                items.add(details.identifyDetail(id, ident, e.id()));
            }
        }
        items.forEach(ctx::send);
        ctx.send(PbxActions.listComplete(ctx, "EndpointDetailComplete", items.size()));
    }

    void contacts(ActionContext ctx) {
        // only contacts stored in sorcery (inbound REGISTER) are listed; static aor contacts never are
        ctx.error("No Contacts found\n");
    }

    void aors(ActionContext ctx) {
        List<PjObject> all = new ArrayList<>(objects().of("aor").values());
        if (all.isEmpty()) {
            ctx.error("No AORs found\n");
            return;
        }
        ctx.send(PbxActions.listAck(ctx, "A listing of AORs follows, presented as AorList events"));
        for (PjObject aor : all) {
            ctx.send(details.aorList(ctx.actionId(), aor));
        }
        ctx.send(PbxActions.listComplete(ctx, "AorListComplete", all.size()));
    }

    void qualify(ActionContext ctx) {
        String name = ctx.get("Endpoint");
        if (name.isEmpty()) {
            ctx.error("Endpoint parameter missing.");
            return;
        }
        PjObject e = pbx.pjsip.endpoint(name);
        if (e == null) {
            ctx.error("Unable to retrieve endpoint\n");
            return;
        }
        if (e.list("aors").isEmpty()) {
            ctx.error("No AoRs configured for endpoint\n");
            return;
        }
        ctx.success("Endpoint found, will qualify");
        pbx.pjsip.qualifyNow(e);
    }

    void registrationsOutbound(ActionContext ctx) {
        List<PjsipState.Registration> regs = pbx.pjsip.registrations();
        ctx.send(PbxActions.listAck(ctx, "Following are Events for each Outbound registration"));
        int registered = 0;
        for (PjsipState.Registration r : regs) {
            ctx.send(details.outboundRegistration(ctx.actionId(), r));
            for (String authName : r.cfg.list("outbound_auth")) {
                PjObject auth = objects().get("auth", authName);
                if (auth != null) {
                    ctx.send(details.authDetail(ctx.actionId(), auth, null));
                }
            }
            registered += "Registered".equals(r.status) ? 1 : 0;
        }
        ctx.send(PbxActions.listComplete(ctx, "OutboundRegistrationDetailComplete", regs.size())
                .add("Registered", registered).add("NotRegistered", regs.size() - registered));
    }

    /** res_pjsip_registrar's listing: every aor of every endpoint, whether anything registered or not. */
    void registrationsInbound(ActionContext ctx) {
        List<PjObject> aors = new ArrayList<>();
        for (PjObject e : objects().of("endpoint").values()) {
            for (String name : e.list("aors")) {
                PjObject aor = objects().get("aor", name);
                if (aor != null) {
                    aors.add(aor);
                }
            }
        }
        ctx.send(PbxActions.listAck(ctx, "Following are Events for each Inbound registration"));
        for (PjObject aor : aors) {
            ctx.send(details.inboundRegistration(ctx.actionId(), aor));
        }
        ctx.send(PbxActions.listComplete(ctx, "InboundRegistrationDetailComplete", aors.size()));
    }

    /** PJSIPRegister: a REGISTER now for one outbound registration (its refresh schedule restarts). */
    void register(ActionContext ctx) {
        String name = ctx.get("Registration");
        if (name.isEmpty()) {
            ctx.error("Registration parameter missing.");
            return;
        }
        if (!pbx.pjsip.registerNow(name)) {
            ctx.error("Unable to retrieve registration entry\n");
            return;
        }
        ctx.success("Reregistration sent");
    }
}
