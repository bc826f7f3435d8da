package trunkops.lab.pbx;

import java.util.concurrent.ThreadLocalRandom;

import trunkops.lab.ami.ActionContext;

/** Originate to {@code SIP/peer/number} (or {@code SIP/number@peer}): the dialed channel runs the dialplan on answer. */
final class SipOriginate {

    private final Pbx pbx;
    private final Originator originator;
    private boolean answered;
    private boolean done;

    SipOriginate(Pbx pbx, Originator originator) {
        this.pbx = pbx;
        this.originator = originator;
    }

    void start(String actionId, String channel, String resource, String context, String exten, int priority,
               String app, String data, long timeoutMs, String cidNum, String cidName, String channelId,
               ActionContext sync) {
        SipDestination destination = SipDestination.parse(resource);
        SipPeer peer = pbx.sip.peer(destination.peer());
        if (peer == null || peer.refusesCalls()) {
            originator.failed(actionId, channel, context, exten, app, data, 0, cidNum, cidName, channelId, sync);
            return;
        }
        Channel out = pbx.channels.createSip(peer, null, channelId);
        pbx.channels.setVar(out, "SIPCALLID", String.format("%032x@127.0.0.1:5060",
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        out.exten = "";
        pbx.events.newexten(out, "", "AppDial2", "(Outgoing Line)");
        out.callerIdNum = cidNum;
        out.callerIdName = cidName;
        pbx.events.newCallerid(out);
        out.connectedNum = cidNum;
        out.connectedName = cidName;
        pbx.events.newConnectedLine(out);
        pbx.events.dialBegin(null, out, resource);
        String dialed = destination.number();
        pbx.sip.invite(out, peer, new SipDriver.LegListener() {
            @Override
            public void ringing() {
                if (done) {
                    return;
                }
                pbx.channels.setState(out, ChannelState.RINGING);
                pbx.events.deviceState("SIP/" + peer.name, "NOT_INUSE");
                pbx.events.dialState(null, out, "RINGING");
            }

            @Override
            public void answered() {
                if (done) {
                    return;
                }
                done = true;
                answered = true;
                out.answeredMicros = pbx.clock().nowMicros();
                pbx.channels.setState(out, ChannelState.UP);
                pbx.events.dialEnd(null, out, "ANSWER");
                out.vars.put("DIALEDNUMBER", dialed);
                pbx.runner.start(out, context, exten, priority);
                originator.succeeded(actionId, out, context, exten, app, data, cidNum, cidName, sync);
            }

            @Override
            public void failed(int sipCode, int cause) {
                if (done) {
                    return;
                }
                done = true;
                SipFailure failure = SipFailure.of(sipCode, cause);
                if (!failure.control()) {
                    pbx.events.hangupRequest(out, cause, false);
                }
                pbx.events.dialEnd(null, out, failure.dialEndStatus());
                pbx.channels.hangup(out, cause);
                originator.failed(actionId, channel, context, exten, app, data,
                        Originator.reasonFor(sipCode, cause), cidNum, cidName, channelId, sync);
            }

            @Override
            public void remoteHangup() {
                pbx.channels.requestHangup(out, HangupCauses.NORMAL_CLEARING, false);
            }
        });
        pbx.schedule(timeoutMs, () -> {
            if (done || answered || out.hungUp) {
                return;
            }
            done = true;
            pbx.events.dialEnd(null, out, "NOANSWER");
            pbx.sip.legGone(out);
            pbx.channels.hangup(out, HangupCauses.NORMAL_CLEARING);
            originator.failed(actionId, channel, context, exten, app, data, 3, cidNum, cidName, channelId, sync);
        });
    }
}
