package trunkops.lab.pbx;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * app_dial for one SIP destination ({@code SIP/peer/number}, {@code SIP/number@peer} or {@code SIP/peer}), with
 * the event and variable sequence of Asterisk 20: eleven VarSets at start, no channel at all when chan_sip
 * refuses the peer (qualified and UNREACHABLE or LAGGED), DialBegin/DialState/DialEnd, the bridge on answer,
 * and two separate verdicts on failure (DialEnd's status from the hangup cause, DIALSTATUS from app_dial's own
 * counting), as documented in the reference and the fixtures.
 */
final class DialApp {

    private static final Logger LOG = LoggerFactory.getLogger(DialApp.class);

    private static final String[] START_VARS = {
        "DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME", "ANSWEREDTIME_MS",
        "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME", "PROGRESSTIME_MS"};

    private final Pbx pbx;
    private final DialplanRunner runner;

    DialApp(Pbx pbx, DialplanRunner runner) {
        this.pbx = pbx;
        this.runner = runner;
    }

    AppResult run(Channel caller, String data) {
        String[] args = data.split(",", -1);
        String dest = args[0].split("&")[0].strip();
        String timeoutArg = args.length > 1 ? args[1].strip() : "";
        String options = args.length > 2 ? args[2] : "";
        for (String v : START_VARS) {
            pbx.channels.setVar(caller, v, "");
        }
        int slash = dest.indexOf('/');
        String tech = slash < 0 ? dest : dest.substring(0, slash);
        String resource = slash < 0 ? "" : dest.substring(slash + 1);
        if (tech.equalsIgnoreCase("PJSIP") && !resource.isEmpty()) {
            return dialPjsip(caller, resource, options, timeoutArg);
        }
        if (!tech.equalsIgnoreCase("SIP") || resource.isEmpty()) {
            pbx.channels.setVar(caller, "DIALSTATUS", "CHANUNAVAIL");
            return AppResult.NEXT;
        }
        SipDestination destination = SipDestination.parse(resource);
        String number = destination.number();
        SipPeer peer = pbx.sip.peer(destination.peer());
        if (peer == null || peer.refusesCalls()) {
            LOG.info("Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)");
            caller.hangupCause = HangupCauses.SUBSCRIBER_ABSENT;
            pbx.channels.setVar(caller, "DIALSTATUS", "CHANUNAVAIL");
            return AppResult.NEXT;
        }
        DialAttempt d = new DialAttempt(caller, resource, options, pbx.clock().nowMicros());
        caller.dialing = d;
        Channel out = pbx.channels.createSip(peer, caller.linkedid);
        d.out = out;
        d.sipCallId = callId();
        pbx.channels.setVar(out, "SIPCALLID", d.sipCallId);
        out.exten = "";
        pbx.channels.setVar(out, "DIALEDPEERNUMBER", resource);
        out.exten = number;
        out.callerIdNum = number;
        out.callerIdName = caller.callerIdName;
        out.connectedNum = caller.callerIdNum;
        out.connectedName = caller.callerIdName;
        pbx.events.newexten(out, number, "AppDial", "(Outgoing Line)");
        pbx.events.newCallerid(out);
        pbx.events.newConnectedLine(out);
        pbx.events.dialBegin(caller, out, resource);
        int gen = ++caller.generation;
        d.gen = gen;
        caller.onHangupRequest = () -> callerHungUp(d);
        pbx.sip.invite(out, peer, new Listener(d));
        armTimeouts(d, timeoutArg);
        return AppResult.SUSPEND;
    }

    /**
     * {@code Dial(PJSIP/number@endpoint)} (chan_pjsip): no channel when the endpoint does not exist or none of its
     * contacts is usable (cause 3, "Could not create dialog to invalid URI" in the log); else a PJSIP channel in the
     * endpoint's context, no SIPCALLID, the INVITE to the first usable contact.
     */
    private AppResult dialPjsip(Channel caller, String resource, String options, String timeoutArg) {
        SipDestination destination = SipDestination.parse(resource);
        PjObject endpoint = pbx.pjsip.endpoint(destination.peer());
        PjsipState.Contact contact = endpoint == null ? null : pbx.pjsip.target(endpoint);
        if (contact == null) {
            if (endpoint != null) {
                LOG.info("Could not create dialog to invalid URI '{}'. Is endpoint registered and reachable?",
                        destination.peer());
            }
            LOG.info("Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)");
            caller.hangupCause = HangupCauses.NO_ROUTE_DESTINATION;
            pbx.channels.setVar(caller, "DIALSTATUS", "CHANUNAVAIL");
            return AppResult.NEXT;
        }
        String number = destination.number();
        DialAttempt d = new DialAttempt(caller, resource, options, pbx.clock().nowMicros());
        caller.dialing = d;
        Channel out = pbx.channels.createPjsip(endpoint.id(), endpoint.opt("context", "default"), caller.linkedid);
        d.out = out;
        d.sipCallId = java.util.UUID.randomUUID().toString();
        pbx.channels.setVar(out, "DIALEDPEERNUMBER", resource);
        out.exten = number;
        out.callerIdNum = caller.callerIdNum;
        out.callerIdName = caller.callerIdName;
        out.connectedNum = caller.callerIdNum;
        out.connectedName = caller.callerIdName;
        pbx.events.newexten(out, number, "AppDial", "(Outgoing Line)");
        pbx.events.newCallerid(out);
        pbx.events.newConnectedLine(out);
        pbx.events.dialBegin(caller, out, resource);
        d.gen = ++caller.generation;
        caller.onHangupRequest = () -> callerHungUp(d);
        pbx.pjsip.invite(out, contact, new Listener(d));
        armTimeouts(d, timeoutArg);
        return AppResult.SUSPEND;
    }

    private void armTimeouts(DialAttempt d, String timeoutArg) {
        int caret = timeoutArg.indexOf('^');
        double answerTimeout = parseTimeout(caret < 0 ? timeoutArg : timeoutArg.substring(0, caret), "answer");
        double progressTimeout = caret < 0 ? 0 : parseTimeout(timeoutArg.substring(caret + 1), "progress");
        if (answerTimeout > 0) {
            pbx.schedule((long) (answerTimeout * 1000), () -> timedOut(d));
        }
        if (progressTimeout > 0 && (answerTimeout <= 0 || progressTimeout < answerTimeout)) {
            pbx.schedule((long) (progressTimeout * 1000), () -> noProgress(d));
        }
    }

    /** app_dial's sscanf("%lf") of one half of {@code answer^progress}; 0 = none (infinite). */
    private static double parseTimeout(String s, String which) {
        if (s.isEmpty()) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+))").matcher(s);
        double v = m.find() ? Double.parseDouble(m.group(1)) : -1;
        if (v <= 0) {
            LOG.warn("Invalid {} timeout specified: '{}'. Setting timeout to infinite", which, s);
            return 0;
        }
        return v;
    }

    private static String callId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x@127.0.0.1:5060", r.nextLong(), r.nextLong());
    }

    private final class Listener implements SipDriver.LegListener {
        private final DialAttempt d;

        Listener(DialAttempt d) {
            this.d = d;
        }

        @Override
        public void ringing() {
            if (d.done) {
                return;
            }
            Channel out = d.out;
            pbx.channels.setState(out, ChannelState.RINGING);
            Channel caller = d.caller;
            Channel partner = caller.localPartner;
            if (partner != null && caller.name.endsWith(";2") && partner.state == ChannelState.DOWN) {
                pbx.channels.setState(partner, ChannelState.RINGING);
            }
            if (!d.ringingSeen) {
                d.ringingSeen = true;
                // chan_sip queues a cause code for every response (handle_incoming: "SIP 180 Ringing"); a later
                // final response replaces it, so a Dial that times out after ringing reads "SIP 180 Ringing"
                caller.causeCodes.remove(out.name);
                caller.causeCodes.put(out.name, new String[] {"16", "SIP 180 Ringing"});
                long ms = (pbx.clock().nowMicros() - d.startMicros) / 1000;
                pbx.channels.setVar(caller, "RINGTIME", Long.toString(ms / 1000));
                if (partner != null && caller.name.endsWith(";2") && partner.state == ChannelState.RINGING) {
                    pbx.events.dialState(null, partner, "RINGING");
                }
                if (out.tech == Channel.Tech.SIP) {
                    pbx.events.deviceState("SIP/" + out.peer, "NOT_INUSE");
                }
                if (partner != null) {
                    pbx.events.deviceState(localDevice(partner), "INUSE");
                }
                pbx.channels.setVar(caller, "RINGTIME_MS", Long.toString(ms));
            }
            pbx.events.dialState(caller, out, "RINGING");
        }

        @Override
        public void answered() {
            if (d.done) {
                return;
            }
            if (d.calleeMacro()) {
                macroUnavailable(d);
                return;
            }
            answer(d);
        }

        @Override
        public void failed(int sipCode, int cause) {
            if (d.done) {
                return;
            }
            fail(d, sipCode, cause);
        }

        @Override
        public void remoteHangup() {
            Channel out = d.out;
            if (out.hungUp) {
                return;
            }
            out.hangupCause = HangupCauses.NORMAL_CLEARING;
            pbx.events.hangupRequest(out, HangupCauses.NORMAL_CLEARING, false);
            endBridge(d, false);
        }
    }

    static String localDevice(Channel local) {
        String n = local.name;
        int dash = n.lastIndexOf('-');
        return dash > 0 ? n.substring(0, dash) : n;
    }

    private void answer(DialAttempt d) {
        Channel caller = d.caller;
        Channel out = d.out;
        d.answered = true;
        out.answeredMicros = pbx.clock().nowMicros();
        pbx.channels.setState(out, ChannelState.UP);
        out.exten = "";
        caller.hangupCause = 0;
        pbx.channels.setVar(caller, "DIALSTATUS", "ANSWER");
        pbx.channels.setVar(caller, "DIALEDPEERNAME", out.name);
        pbx.channels.setVar(caller, "DIALEDPEERNUMBER", d.dialString);
        pbx.events.dialEnd(caller, out, "ANSWER");
        runner.apps.answer(caller);
        Bridge b = pbx.channels.createBridge();
        pbx.events.newexten(out, "", "AppDial", "(Outgoing Line)");
        pbx.channels.enter(b, out);
        pbx.channels.enter(b, caller);
        pbx.channels.setVar(out, "BRIDGEPEER", caller.name);
        pbx.channels.setVar(caller, "BRIDGEPEER", out.name);
        pbx.channels.setVar(caller, "BRIDGEPVTCALLID", d.sipCallId);
        caller.onHangupRequest = () -> endBridge(d, true);
    }

    /** The bridge ends, by the caller's side (hangup requested) or by the far end's BYE. */
    private void endBridge(DialAttempt d, boolean byCaller) {
        if (d.done) {
            return;
        }
        d.done = true;
        Channel caller = d.caller;
        Channel out = d.out;
        pbx.channels.setVar(caller, "BRIDGEPEER", "");
        pbx.channels.setVar(caller, "BRIDGEPVTCALLID", "");
        pbx.channels.setVar(out, "BRIDGEPEER", "");
        pbx.channels.leave(caller);
        long now = pbx.clock().nowMicros();
        long answeredMs = (now - out.answeredMicros) / 1000;
        long dialedMs = (now - d.startMicros) / 1000;
        pbx.channels.setVar(caller, "ANSWEREDTIME", Long.toString(answeredMs / 1000));
        pbx.channels.setVar(caller, "ANSWEREDTIME_MS", Long.toString(answeredMs));
        pbx.channels.setVar(caller, "DIALEDTIME", Long.toString(dialedMs / 1000));
        pbx.channels.setVar(caller, "DIALEDTIME_MS", Long.toString(dialedMs));
        pbx.channels.leave(out);
        pbx.channels.setVar(caller, "DIALSTATUS", "ANSWER");
        caller.causeCodes.remove(out.name);
        caller.causeCodes.put(out.name, new String[] {"16", "SIP 200 OK"});
        pbx.channels.hangup(out, HangupCauses.NORMAL_CLEARING);
        finish(d, byCaller || !d.continueOnCalleeHangup());
    }

    private void fail(DialAttempt d, int sipCode, int cause) {
        d.done = true;
        Channel caller = d.caller;
        Channel out = d.out;
        out.hangupCause = cause;
        // chan_pjsip hangs the channel up with the cause for every final failure (no busy/congestion frame)
        SipFailure failure = out.tech == Channel.Tech.PJSIP ? SipFailure.of(0, cause) : SipFailure.of(sipCode, cause);
        if (!failure.control()) {
            pbx.events.hangupRequest(out, cause, false);
        }
        int code = sipCode > 0 ? sipCode : out.techCode; // chan_pjsip: timer B is its own 408
        String tech = code > 0 ? "SIP " + code + " " + HangupCauses.sipReason(code) : "";
        caller.causeCodes.remove(out.name);
        caller.causeCodes.put(out.name, new String[] {Integer.toString(cause), tech});
        caller.hangupCause = cause;
        pbx.events.dialEnd(caller, out, failure.dialEndStatus());
        pbx.channels.hangup(out, cause);
        pbx.channels.setVar(caller, "DIALSTATUS", failure.dialStatus());
        finish(d, false);
    }

    /**
     * {@code M(macro)} on an answered call: app_macro is not built in Asterisk 20, so Dial logs that it cannot
     * run Macro, hangs the callee up right after its 200 OK (no DialEnd) and returns -1 with DIALSTATUS ANSWER.
     */
    private void macroUnavailable(DialAttempt d) {
        d.done = true;
        d.answered = true;
        Channel out = d.out;
        out.answeredMicros = pbx.clock().nowMicros();
        pbx.channels.setState(out, ChannelState.UP);
        pbx.channels.setVar(d.caller, "DIALSTATUS", "ANSWER");
        LOG.warn("Cannot run 'Macro({})'.  The application is not available.",
                d.macroArgs().replace('^', ','));
        pbx.schedule(1, () -> {
            pbx.sip.legGone(out);
            pbx.channels.hangup(out, HangupCauses.NORMAL_CLEARING);
            finish(d, true);
        });
    }

    /** {@code Dial(...,answer^progress)}: nothing rang nor made progress in time → CHANUNAVAIL, the dialplan goes on. */
    private void noProgress(DialAttempt d) {
        if (d.done || d.answered || d.ringingSeen || d.caller.generation != d.gen) {
            return;
        }
        d.done = true;
        Channel out = d.out;
        LOG.debug("No early media received in {} ms", (pbx.clock().nowMicros() - d.startMicros) / 1000);
        pbx.events.dialEnd(d.caller, out, "CHANUNAVAIL");
        pbx.sip.legGone(out);
        pbx.channels.hangup(out, 0);
        pbx.channels.setVar(d.caller, "DIALSTATUS", "CHANUNAVAIL");
        finish(d, false);
    }

    private void timedOut(DialAttempt d) {
        if (d.done || d.answered || d.caller.generation != d.gen) {
            return;
        }
        d.done = true;
        Channel out = d.out;
        pbx.events.dialEnd(d.caller, out, "NOANSWER");
        pbx.sip.legGone(out);
        pbx.channels.hangup(out, d.ringingSeen ? HangupCauses.NORMAL_CLEARING : 0);
        pbx.channels.setVar(d.caller, "DIALSTATUS", "NOANSWER");
        finish(d, false);
    }

    /** The caller hangs up while the dial is still ringing: CANCEL the leg. */
    private void callerHungUp(DialAttempt d) {
        if (d.done) {
            return;
        }
        d.done = true;
        Channel out = d.out;
        pbx.events.dialEnd(d.caller, out, "CANCEL");
        pbx.sip.legGone(out);
        pbx.channels.hangup(out, HangupCauses.NORMAL_CLEARING);
        pbx.channels.setVar(d.caller, "DIALSTATUS", "CANCEL");
        finish(d, true);
    }

    /** Dial returns: continue the dialplan, or end the calling channel (Dial returned -1). */
    private void finish(DialAttempt d, boolean hangupCaller) {
        Channel caller = d.caller;
        caller.dialing = null;
        caller.onHangupRequest = null;
        caller.generation++;
        if (hangupCaller || caller.hangupRequested) {
            int cause = caller.hangupCause != 0 ? caller.hangupCause : HangupCauses.NORMAL_CLEARING;
            pbx.events.hangupRequest(caller, cause, true);
            pbx.channels.hangup(caller, cause);
            return;
        }
        pbx.execute(() -> runner.resumeNext(caller));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
