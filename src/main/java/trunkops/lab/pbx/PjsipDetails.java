package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import trunkops.lab.ami.AmiMessage;

/**
 * The bodies of res_pjsip's object events (EndpointList/EndpointDetail, AorList/AorDetail, ContactStatusDetail,
 * IdentifyDetail, AuthDetail, TransportDetail, OutboundRegistrationDetail, InboundRegistrationDetail) as Asterisk
 * 20.20.1 writes them. {@code AuthDetail} carries the password in clear text, as the real one does.
 */
final class PjsipDetails {

    private final PjsipDriver pjsip;
    private final PjsipFields fields = PjsipFields.get();

    PjsipDetails(PjsipDriver pjsip) {
        this.pjsip = pjsip;
    }

    /** ast_devstate_str. */
    static String deviceStateText(String state) {
        return switch (state) {
            case "NOT_INUSE" -> "Not in use";
            case "INUSE" -> "In use";
            case "BUSY" -> "Busy";
            case "INVALID" -> "Invalid";
            case "UNAVAILABLE" -> "Unavailable";
            case "RINGING" -> "Ringing";
            case "RINGINUSE" -> "Ring+Inuse";
            case "ONHOLD" -> "On Hold";
            default -> "Unknown";
        };
    }

    private static AmiMessage.Builder head(String event, String actionId, PjObject o) {
        return AmiMessage.builder().add("Event", event).actionId(actionId).add("ObjectType", o.type())
                .add("ObjectName", o.id());
    }

    /** Every contact of the endpoint's aors as {@code aor/uri,} (each with its comma). */
    String contactList(PjObject endpoint) {
        StringBuilder sb = new StringBuilder();
        for (PjsipState.Contact c : pjsip.contactsOf(endpoint)) {
            sb.append(c.aor).append('/').append(c.uri).append(',');
        }
        return sb.toString();
    }

    AmiMessage.Builder endpointList(String actionId, PjObject e) {
        List<String> aors = e.list("aors");
        return head("EndpointList", actionId, e)
                .add("Transport", e.opt("transport"))
                .add("Aor", aors.isEmpty() ? "" : aors.get(0))
                .add("Auths", e.opt("auth"))
                .add("OutboundAuths", e.opt("outbound_auth"))
                .add("Contacts", contactList(e))
                .add("DeviceState", deviceStateText(pjsip.deviceState(e.id())))
                .add("ActiveChannels", pjsip.activeChannels(e.id()));
    }

    AmiMessage.Builder endpointDetail(String actionId, PjObject e) {
        Map<String, String> over = new HashMap<>();
        over.put("Allow", "(" + String.join("|", codecs(e)) + ")");
        if (codecs(e).isEmpty()) {
            over.put("Allow", "(nothing)");
        }
        return head("EndpointDetail", actionId, e).addAll(fields.render(e, over))
                .add("DeviceState", deviceStateText(pjsip.deviceState(e.id())))
                .add("ActiveChannels", pjsip.activeChannels(e.id()));
    }

    /** allow/disallow applied in file order, as the codec preference list is built. */
    static List<String> codecs(PjObject e) {
        List<String> list = new ArrayList<>();
        for (AstConfig.Var v : e.vars()) {
            String k = v.name().toLowerCase(Locale.ROOT);
            if (!k.equals("allow") && !k.equals("disallow")) {
                continue;
            }
            for (String part : v.value().split(",")) {
                String codec = part.strip().toLowerCase(Locale.ROOT);
                if (codec.isEmpty()) {
                    continue;
                }
                if (k.equals("disallow")) {
                    if (codec.equals("all")) {
                        list.clear();
                    } else {
                        list.remove(codec);
                    }
                } else if (!list.contains(codec)) {
                    list.add(codec);
                }
            }
        }
        return list;
    }

    private Map<String, String> aorOverrides(PjObject aor, String contactsHeader) {
        Map<String, String> over = new HashMap<>();
        List<String> parts = new ArrayList<>();
        for (PjsipState.Contact c : pjsip.contactsOfAor(aor.id())) {
            parts.add(c.aor + "/" + c.uri);
        }
        over.put(contactsHeader, String.join(",", parts));
        over.put("QualifyTimeout", String.format(Locale.ROOT, "%.6f", aor.doubleOpt("qualify_timeout", 3.0)));
        return over;
    }

    AmiMessage.Builder aorList(String actionId, PjObject aor) {
        return head("AorList", actionId, aor).addAll(fields.render(aor, aorOverrides(aor, "Contacts")));
    }

    AmiMessage.Builder aorDetail(String actionId, PjObject aor, String endpoint) {
        return head("AorDetail", actionId, aor).addAll(fields.render(aor, aorOverrides(aor, "Contacts")))
                .add("TotalContacts", pjsip.contactsOfAor(aor.id()).size())
                .add("ContactsRegistered", 0)
                .add("EndpointName", endpoint);
    }

    /** PJSIPShowRegistrationsInbound lists aors with contacts: {@code Contact:} in place, {@code Contacts:} last. */
    AmiMessage.Builder inboundRegistration(String actionId, PjObject aor) {
        List<AmiMessage.Header> headers = new ArrayList<>();
        for (AmiMessage.Header h : fields.render(aor, aorOverrides(aor, "Contacts"))) {
            headers.add(h.name().equals("Contacts") ? new AmiMessage.Header("Contact", h.value()) : h);
        }
        StringBuilder all = new StringBuilder();
        for (PjsipState.Contact c : pjsip.contactsOfAor(aor.id())) {
            all.append(c.aor).append('/').append(c.uri).append(',');
        }
        return head("InboundRegistrationDetail", actionId, aor).addAll(headers).add("Contacts", all.toString());
    }

    AmiMessage.Builder contactStatusDetail(String actionId, PjsipState.Contact c, String endpoint) {
        String status = !c.qualified ? "NonQualified" : c.status;
        return AmiMessage.builder().add("Event", "ContactStatusDetail").actionId(actionId)
                .add("AOR", c.aor)
                .add("URI", c.uri)
                .add("UserAgent", "")
                .add("RegExpire", 0)
                .add("Status", status)
                .add("RoundtripUsec", c.reachable() ? Long.toString(c.rttUsec) : "N/A")
                .add("EndpointName", endpoint)
                .add("ID", c.id)
                .add("AuthenticateQualify", 0)
                .add("OutboundProxy", "")
                .add("Path", "")
                .add("QualifyFrequency", 0)
                .add("QualifyTimeout", String.format(Locale.ROOT, "%.3f", c.timeoutSec))
                .add("Qualify2xxOnly", 0);
    }

    AmiMessage.Builder identifyDetail(String actionId, PjObject id, String endpoint) {
        List<String> matches = new ArrayList<>();
        for (String m : id.list("match")) {
            matches.add(m.contains("/") ? m : m + "/255.255.255.255");
        }
        return head("IdentifyDetail", actionId, id).addAll(fields.render(id, Map.of("Match", String.join(",", matches))))
                .add("EndpointName", endpoint);
    }

    /** AuthDetail, password and all; {@code endpoint} null leaves out EndpointName (registration listing). */
    AmiMessage.Builder authDetail(String actionId, PjObject auth, String endpoint) {
        AmiMessage.Builder b = head("AuthDetail", actionId, auth).addAll(fields.render(auth, Map.of()));
        if (endpoint != null) {
            b.add("EndpointName", endpoint);
        }
        return b;
    }

    AmiMessage.Builder transportDetail(String actionId, PjObject t, String endpoint) {
        return head("TransportDetail", actionId, t).addAll(fields.render(t, Map.of())).add("EndpointName", endpoint);
    }

    AmiMessage.Builder outboundRegistration(String actionId, PjsipState.Registration r) {
        return head("OutboundRegistrationDetail", actionId, r.cfg).addAll(fields.render(r.cfg, Map.of()))
                .add("Status", r.status).add("NextReg", 0);
    }
}
