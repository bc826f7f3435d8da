package trunkops.lab.pbx;

import trunkops.lab.ami.ActionContext;

/**
 * Originate to {@code Local/exten@context}: ;2 runs the dialplan at exten@context (where carrier routes Dial
 * their trunks), ;1 is "answered" when ;2 answers and then runs the originate's own destination. This is how
 * ViciDial places every auto-dial call and how a failover drill exercises a route.
 */
final class LocalOriginate {

    private final Pbx pbx;
    private final Originator originator;
    private final java.util.Map<String, String> variables;
    private boolean answered;
    private boolean done;

    /** {@code variables}: the originate's Variable headers, set on ;1 and copied to ;2 as core_local does. */
    LocalOriginate(Pbx pbx, Originator originator, java.util.Map<String, String> variables) {
        this.pbx = pbx;
        this.originator = originator;
        this.variables = variables;
    }

    void start(String actionId, String channel, String resource, String context, String exten, int priority,
               String app, String data, long timeoutMs, String cidNum, String cidName, String channelId,
               String otherChannelId, ActionContext sync) {
        String target = resource;
        int slash = target.indexOf('/');
        if (slash >= 0) {
            target = target.substring(0, slash);
        }
        int at = target.indexOf('@');
        String lexten = at < 0 ? target : target.substring(0, at);
        String lcontext = at < 0 ? "default" : target.substring(at + 1);
        if (!pbx.modules.dialplan().exists(lcontext, lexten, 1)) {
            originator.failed(actionId, channel, context, exten, app, data, 0, cidNum, cidName, channelId, sync);
            return;
        }
        Channel[] pair = pbx.channels.createLocal(lexten, lcontext, channelId, otherChannelId, null);
        Channel one = pair[0];
        Channel two = pair[1];
        variables.forEach((k, v) -> {
            pbx.channels.setVar(one, k, v);
            two.vars.put(k, v);
        });
        pbx.events.newexten(one, lexten, "AppDial2", "(Outgoing Line)");
        one.callerIdNum = cidNum;
        one.callerIdName = cidName;
        pbx.events.newCallerid(one);
        one.connectedNum = cidNum;
        one.connectedName = cidName;
        pbx.events.newConnectedLine(one);
        two.callerIdNum = cidNum;
        two.callerIdName = cidName;
        two.connectedNum = cidNum;
        two.connectedName = cidName;
        pbx.events.newCallerid(two);
        pbx.events.newConnectedLine(two);
        pbx.events.localBridge(one, two);
        pbx.events.dialBegin(null, one, lexten + "@" + lcontext);
        one.onAnswered = () -> {
            if (done) {
                return;
            }
            done = true;
            answered = true;
            originator.succeeded(actionId, one, context, exten, app, data, cidNum, cidName, sync);
            pbx.events.dialEnd(null, one, "ANSWER");
            pbx.events.deviceState(DialApp.localDevice(one), "INUSE");
            pbx.events.deviceState(DialApp.localDevice(one), "INUSE");
            pbx.runner.start(one, context, exten, priority);
        };
        one.onHangupRequest = () -> {
            if (done) {
                pbx.channels.hangup(one, one.hangupCause);
                return;
            }
            done = true;
            int cause = one.hangupCause;
            pbx.events.dialEnd(null, one, HangupCauses.toDialEndStatus(cause));
            pbx.channels.hangup(one, cause);
            originator.failed(actionId, channel, context, exten, app, data, Originator.reasonFor(0, cause),
                    cidNum, cidName, channelId, sync);
        };
        pbx.runner.start(two, lcontext, lexten, 1);
        pbx.schedule(timeoutMs, () -> {
            if (done || answered || one.hungUp) {
                return;
            }
            done = true;
            one.onHangupRequest = null;
            pbx.events.dialEnd(null, one, "NOANSWER");
            pbx.channels.hangup(one, 0);
            originator.failed(actionId, channel, context, exten, app, data, 3, cidNum, cidName, channelId, sync);
        });
    }
}
