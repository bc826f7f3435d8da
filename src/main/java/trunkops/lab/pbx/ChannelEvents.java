package trunkops.lab.pbx;

import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;
import trunkops.lab.ami.ManagerCore;

/**
 * Publishes the channel, dial and bridge events Asterisk 20 emits, with the header layout of the captured
 * transcripts (a channel snapshot is 14 headers, prefixed with {@code Dest}, {@code LocalOne}, ... where needed).
 */
final class ChannelEvents {

    private static final int CALL = EventClass.CALL.bit();
    private static final int DIALPLAN = EventClass.DIALPLAN.bit();
    private static final String UNKNOWN = "<unknown>";

    private final ManagerCore core;

    ChannelEvents(ManagerCore core) {
        this.core = core;
    }

    static void snapshot(AmiMessage.Builder b, String prefix, Channel c) {
        b.add(prefix + "Channel", c.name)
                .add(prefix + "ChannelState", c.state.code())
                .add(prefix + "ChannelStateDesc", c.state.description())
                .add(prefix + "CallerIDNum", orUnknown(c.callerIdNum))
                .add(prefix + "CallerIDName", orUnknown(c.callerIdName))
                .add(prefix + "ConnectedLineNum", orUnknown(c.connectedNum))
                .add(prefix + "ConnectedLineName", orUnknown(c.connectedName))
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", c.context)
                .add(prefix + "Exten", c.exten)
                .add(prefix + "Priority", c.priority)
                .add(prefix + "Uniqueid", c.uniqueid)
                .add(prefix + "Linkedid", c.linkedid);
    }

    static String orUnknown(String v) {
        return v == null || v.isEmpty() ? UNKNOWN : v;
    }

    private AmiMessage.Builder chan(Channel c) {
        AmiMessage.Builder b = AmiMessage.builder();
        snapshot(b, "", c);
        return b;
    }

    private void publish(String name, int mask, AmiMessage.Builder body) {
        core.publish(core.event(name, mask, body));
    }

    void userEvent(Channel c, String name, java.util.Map<String, String> body) {
        AmiMessage.Builder b = chan(c).add("UserEvent", name);
        body.forEach(b::add);
        publish("UserEvent", EventClass.USER.bit(), b);
    }

    void newchannel(Channel c) {
        publish("Newchannel", CALL, chan(c));
    }

    void varSet(Channel c, String variable, String value) {
        publish("VarSet", DIALPLAN, chan(c).add("Variable", variable).add("Value", value));
    }

    void newexten(Channel c, String extension, String app, String data) {
        c.application = app;
        c.appData = data;
        publish("Newexten", DIALPLAN, chan(c).add("Extension", extension).add("Application", app)
                .add("AppData", data));
    }

    void newCallerid(Channel c) {
        publish("NewCallerid", CALL, chan(c).add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }

    void newConnectedLine(Channel c) {
        publish("NewConnectedLine", CALL, chan(c));
    }

    void newstate(Channel c) {
        publish("Newstate", CALL, chan(c));
    }

    void dialBegin(Channel caller, Channel dest, String dialString) {
        AmiMessage.Builder b = AmiMessage.builder();
        if (caller != null) {
            snapshot(b, "", caller);
        }
        snapshot(b, "Dest", dest);
        publish("DialBegin", CALL, b.add("DialString", dialString));
    }

    void dialState(Channel caller, Channel dest, String status) {
        AmiMessage.Builder b = AmiMessage.builder();
        if (caller != null) {
            snapshot(b, "", caller);
        }
        snapshot(b, "Dest", dest);
        publish("DialState", CALL, b.add("DialStatus", status));
    }

    void dialEnd(Channel caller, Channel dest, String status) {
        AmiMessage.Builder b = AmiMessage.builder();
        if (caller != null) {
            snapshot(b, "", caller);
        }
        snapshot(b, "Dest", dest);
        publish("DialEnd", CALL, b.add("DialStatus", status));
    }

    void localBridge(Channel one, Channel two) {
        AmiMessage.Builder b = AmiMessage.builder();
        snapshot(b, "LocalOne", one);
        snapshot(b, "LocalTwo", two);
        publish("LocalBridge", CALL, b.add("Context", two.context).add("Exten", two.exten)
                .add("LocalOptimization", "Yes"));
    }

    void hangupRequest(Channel c, int cause, boolean soft) {
        AmiMessage.Builder b = chan(c).add("Cause", cause);
        techCause(b, c);
        publish(soft ? "SoftHangupRequest" : "HangupRequest", CALL, b);
    }

    void hangup(Channel c) {
        AmiMessage.Builder b = chan(c).add("Cause", c.hangupCause).add("Cause-txt", HangupCauses.text(c.hangupCause));
        techCause(b, c);
        publish("Hangup", CALL, b);
    }

    /** chan_pjsip puts the SIP response code of a failed call on the hangup events as {@code TechCause}. */
    private static void techCause(AmiMessage.Builder b, Channel c) {
        if (c.tech == Channel.Tech.PJSIP && c.techCode > 0) {
            b.add("TechCause", c.techCode);
        }
    }

    private static AmiMessage.Builder bridge(Bridge br) {
        return AmiMessage.builder()
                .add("BridgeUniqueid", br.id)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", UNKNOWN)
                .add("BridgeName", UNKNOWN)
                .add("BridgeNumChannels", br.members.size())
                .add("BridgeVideoSourceMode", "none");
    }

    void bridgeCreate(Bridge br) {
        publish("BridgeCreate", CALL, bridge(br));
    }

    void bridgeDestroy(Bridge br) {
        publish("BridgeDestroy", CALL, bridge(br));
    }

    void bridgeEnter(Bridge br, Channel c) {
        AmiMessage.Builder b = bridge(br);
        snapshot(b, "", c);
        publish("BridgeEnter", CALL, b);
    }

    void bridgeLeave(Bridge br, Channel c) {
        AmiMessage.Builder b = bridge(br);
        snapshot(b, "", c);
        publish("BridgeLeave", CALL, b);
    }

    void deviceState(String device, String state) {
        publish("DeviceStateChange", CALL, AmiMessage.builder().add("Device", device).add("State", state));
    }

    void originateResponse(String actionId, boolean success, Channel c, String channelName, String context,
                           String exten, String application, String data, int reason, String cidNum,
                           String cidName, String uniqueid) {
        AmiMessage.Builder b = AmiMessage.builder().actionId(actionId)
                .add("Response", success ? "Success" : "Failure")
                .add("Channel", channelName);
        if (application != null) {
            b.add("Application", application).add("Data", data);
        } else {
            b.add("Context", context).add("Exten", exten);
        }
        b.add("Reason", reason)
                .add("Uniqueid", uniqueid)
                .add("CallerIDNum", orUnknown(cidNum))
                .add("CallerIDName", orUnknown(cidName));
        publish("OriginateResponse", CALL, b);
    }
}
