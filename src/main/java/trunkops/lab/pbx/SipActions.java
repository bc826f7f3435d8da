package trunkops.lab.pbx;

import java.util.List;
import java.util.Locale;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/** chan_sip's manager actions: SIPpeers, SIPshowpeer, SIPpeerstatus, SIPqualifypeer, SIPshowregistry. */
final class SipActions {

    private final Pbx pbx;

    SipActions(Pbx pbx) {
        this.pbx = pbx;
    }

    static String ip(SipPeer p) {
        return p.dynamic ? "-none-" : p.host;
    }

    /** chan_sip nat= flags: {auto force_rport, force_rport, auto comedia, comedia}. */
    static boolean[] nat(SipPeer p) {
        String n = p.nat.toLowerCase(Locale.ROOT);
        if (n.equals("yes")) {
            return new boolean[] {false, true, false, true};
        }
        if (n.equals("no")) {
            return new boolean[] {false, false, false, false};
        }
        boolean autoRport = n.contains("auto_force_rport");
        boolean rport = !autoRport && n.contains("force_rport");
        boolean autoComedia = n.contains("auto_comedia");
        boolean comedia = !autoComedia && n.contains("comedia");
        return new boolean[] {autoRport, rport, autoComedia, comedia};
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    void peers(ActionContext ctx) {
        ctx.send(PbxActions.listAck(ctx, "Peer status list will follow"));
        List<SipPeer> peers = pbx.sip.sorted();
        for (SipPeer p : peers) {
            boolean[] nat = nat(p);
            ctx.send(AmiMessage.builder().add("Event", "PeerEntry").actionId(ctx.actionId())
                    .add("Channeltype", "SIP")
                    .add("ObjectName", p.name)
                    .add("ChanObjectType", "peer")
                    .add("IPaddress", ip(p))
                    .add("IPport", p.dynamic ? 0 : p.port)
                    .add("Dynamic", yn(p.dynamic))
                    .add("AutoForcerport", yn(nat[0]))
                    .add("Forcerport", yn(nat[1]))
                    .add("AutoComedia", yn(nat[2]))
                    .add("Comedia", yn(nat[3]))
                    .add("VideoSupport", "no")
                    .add("TextSupport", "no")
                    .add("ACL", "no")
                    .add("Status", p.statusText())
                    .add("RealtimeDevice", "no")
                    .add("Description", p.description)
                    .add("Accountcode", p.accountcode));
        }
        ctx.send(PbxActions.listComplete(ctx, "PeerlistComplete", peers.size()));
    }

    void showPeer(ActionContext ctx) {
        String name = ctx.get("Peer");
        if (name.isEmpty()) {
            ctx.error("Peer: <name> missing.");
            return;
        }
        SipPeer p = pbx.sip.peer(stripTech(name));
        if (p == null) {
            ctx.error("Peer " + name + " not found.");
            ctx.sendRaw(new byte[] {'\r', '\n'});
            return;
        }
        boolean[] nat = nat(p);
        ctx.send(ctx.response("Success")
                .add("Channeltype", "SIP")
                .add("ObjectName", p.name)
                .add("ChanObjectType", "peer")
                .add("SecretExist", p.hasSecret ? "Y" : "N")
                .add("RemoteSecretExist", "N")
                .add("MD5SecretExist", "N")
                .add("Context", p.context)
                .add("Language", "")
                .add("ToneZone", "<Not set>")
                .add("AMAflags", "Unknown")
                .add("CID-CallingPres", "Presentation Allowed, Not Screened")
                .add("Callgroup", "")
                .add("Pickupgroup", "")
                .add("Named Callgroup", "")
                .add("Named Pickupgroup", "")
                .add("MOHSuggest", "")
                .add("VoiceMailbox", "")
                .add("TransferMode", "open")
                .add("LastMsgsSent", 0)
                .add("Maxforwards", 0)
                .add("Call-limit", p.callLimit)
                .add("Busy-level", p.busyLevel)
                .add("MaxCallBR", "384 kbps")
                .add("Dynamic", p.dynamic ? "Y" : "N")
                .add("Callerid", "\"\" <>")
                .add("RegExpire", "-1 seconds")
                .add("SIP-AuthInsecure", p.insecure.isEmpty() ? "no" : p.insecure)
                .add("SIP-Forcerport", nat[0] ? (nat[1] ? "A" : "a") : (nat[1] ? "Y" : "N"))
                .add("SIP-Comedia", nat[2] ? (nat[3] ? "A" : "a") : (nat[3] ? "Y" : "N"))
                .add("ACL", "N")
                .add("SIP-CanReinvite", "Y")
                .add("SIP-DirectMedia", "Y")
                .add("SIP-PromiscRedir", "N")
                .add("SIP-UserPhone", "N")
                .add("SIP-VideoSupport", "N")
                .add("SIP-TextSupport", "N")
                .add("SIP-T.38Support", "N")
                .add("SIP-T.38EC", "Unknown")
                .add("SIP-T.38MaxDtgrm", "4294967295")
                .add("SIP-Sess-Timers", "Accept")
                .add("SIP-Sess-Refresh", "uas")
                .add("SIP-Sess-Expires", 1800)
                .add("SIP-Sess-Min", 90)
                .add("SIP-RTP-Engine", "asterisk")
                .add("SIP-Encryption", "N")
                .add("SIP-RTCP-Mux", "N")
                .add("SIP-DTMFmode", p.dtmfmode)
                .add("ToHost", p.dynamic ? "" : p.host)
                .add("Address-IP", p.dynamic ? "(null)" : p.host)
                .add("Address-Port", p.dynamic ? 0 : p.port)
                .add("Default-addr-IP", "(null)")
                .add("Default-addr-port", 0)
                .add("Default-Username", p.defaultUser)
                .add("Codecs", "(" + String.join("|", p.codecs) + ")")
                .add("Status", p.statusText())
                .add("SIP-Useragent", "")
                .add("Reg-Contact", "")
                .add("QualifyFreq", p.qualifyFreqMs + " ms")
                .add("Parkinglot", "")
                .add("SIP-Use-Reason-Header", "N")
                .add("Description", p.description));
    }

    static String stripTech(String name) {
        return name.regionMatches(true, 0, "SIP/", 0, 4) ? name.substring(4) : name;
    }

    void peerStatus(ActionContext ctx) {
        String name = ctx.get("Peer");
        List<SipPeer> peers;
        if (name.isEmpty()) {
            peers = pbx.sip.hashOrder();
        } else {
            SipPeer p = pbx.sip.peer(stripTech(name));
            if (p == null) {
                ctx.error("No such peer");
                return;
            }
            peers = List.of(p);
        }
        ctx.send(PbxActions.listAck(ctx, "Peer status will follow"));
        for (SipPeer p : peers) {
            AmiMessage.Builder b = AmiMessage.builder().add("Event", "PeerStatus").add("Privilege", "System")
                    .add("ChannelType", "SIP").add("Peer", "SIP/" + p.name).add("PeerStatus", p.peerStatusWord());
            if (p.maxms > 0 && p.lastms > 0) {
                b.add("Time", p.lastms);
            }
            ctx.send(b.actionId(ctx.actionId()));
        }
        ctx.send(PbxActions.listComplete(ctx, "SIPpeerstatusComplete", peers.size()));
    }

    void qualifyPeer(ActionContext ctx) {
        String name = ctx.get("Peer");
        if (name.isEmpty()) {
            ctx.error("Peer: <name> missing.");
            return;
        }
        SipPeer p = pbx.sip.peer(stripTech(name));
        if (p == null) {
            ctx.error("Peer not found");
            return;
        }
        ctx.success("SIP peer found - will qualify");
        pbx.sip.qualifyNow(p);
        pbx.publish(pbx.event("SIPQualifyPeerDone", EventClass.CALL.bit(),
                AmiMessage.builder().add("Peer", p.name).actionId(ctx.actionId())));
    }

    void showRegistry(ActionContext ctx) {
        ctx.send(PbxActions.listAck(ctx, "Registrations will follow"));
        ctx.send(PbxActions.listComplete(ctx, "RegistrationsComplete", 0));
    }
}
