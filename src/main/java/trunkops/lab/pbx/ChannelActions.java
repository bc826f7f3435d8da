package trunkops.lab.pbx;

import java.util.List;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.AmiMessage;

/** CoreShowChannels, Status and Hangup over the simulated channels. */
final class ChannelActions {

    private final Pbx pbx;

    ChannelActions(Pbx pbx) {
        this.pbx = pbx;
    }

    private static String duration(long micros) {
        long s = Math.max(0, micros / 1_000_000L);
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    void coreShowChannels(ActionContext ctx) {
        ctx.send(PbxActions.listAck(ctx, "Channels will follow"));
        List<Channel> all = pbx.channels.all();
        long now = pbx.clock().nowMicros();
        for (Channel c : all) {
            AmiMessage.Builder b = AmiMessage.builder().add("Event", "CoreShowChannel").actionId(ctx.actionId());
            ChannelEvents.snapshot(b, "", c);
            b.add("Application", c.application).add("ApplicationData", c.appData)
                    .add("Duration", duration(now - c.createdMicros))
                    .add("BridgeId", c.bridge == null ? "" : c.bridge.id);
            ctx.send(b);
        }
        ctx.send(PbxActions.listComplete(ctx, "CoreShowChannelsComplete", all.size()));
    }

    void status(ActionContext ctx) {
        String name = ctx.get("Channel");
        List<Channel> list;
        if (name.isEmpty()) {
            list = pbx.channels.all();
        } else {
            Channel c = pbx.channels.get(name);
            if (c == null) {
                ctx.error("No such channel");
                return;
            }
            list = List.of(c);
        }
        ctx.send(PbxActions.listAck(ctx, "Channel status will follow"));
        long now = pbx.clock().nowMicros();
        for (Channel c : list) {
            boolean sip = c.tech != Channel.Tech.LOCAL;
            boolean bridged = c.bridge != null;
            AmiMessage.Builder b = AmiMessage.builder().add("Event", "Status").add("Privilege", "Call");
            ChannelEvents.snapshot(b, "", c);
            b.add("Type", c.tech == Channel.Tech.PJSIP ? "PJSIP" : sip ? "SIP" : "Local")
                    .add("DNID", "")
                    .add("EffectiveConnectedLineNum", ChannelEvents.orUnknown(c.connectedNum))
                    .add("EffectiveConnectedLineName", ChannelEvents.orUnknown(c.connectedName))
                    .add("TimeToHangup", 0)
                    .add("BridgeID", bridged ? c.bridge.id : "")
                    .add("Application", c.application)
                    .add("Data", c.appData)
                    .add("Nativeformats", sip ? "(ulaw)" : "(slin)")
                    .add("Readformat", sip && !bridged ? "ulaw" : "slin")
                    .add("Readtrans", sip && bridged ? "(ulaw@8000)->(slin@8000)" : "")
                    .add("Writeformat", sip && !bridged ? "ulaw" : "slin")
                    .add("Writetrans", sip && bridged ? "(slin@8000)->(ulaw@8000)" : "")
                    .add("Callgroup", 0)
                    .add("Pickupgroup", 0)
                    .add("Seconds", Math.max(0, (now - c.createdMicros) / 1_000_000L))
                    .actionId(ctx.actionId());
            ctx.send(b);
        }
        ctx.send(PbxActions.listComplete(ctx, "StatusComplete", list.size()).add("Items", list.size()));
    }

    void hangup(ActionContext ctx) {
        String name = ctx.get("Channel");
        if (name.isEmpty()) {
            ctx.error("No channel specified");
            return;
        }
        Channel c = pbx.channels.get(name);
        if (c == null) {
            ctx.error("No such channel");
            return;
        }
        int cause = Apps.parseInt(ctx.get("Cause"), 0);
        pbx.channels.requestHangup(c, cause == 0 ? HangupCauses.NORMAL_CLEARING : cause, true);
        ctx.success("Channel Hungup");
    }
}
