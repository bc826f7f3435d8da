package trunkops.lab.pbx;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan applications the lab runs: Answer, Wait, NoOp, Verbose, Log, Hangup, Busy, Congestion,
 * Progress, Ringing, Playback, Set, MSet, Goto, GotoIf, ExecIf, Gosub, Return, AGI, Dial, and a few that only
 * matter on a real media path (MixMonitor, SIPAddHeader, Monitor) which are accepted and do nothing.
 * An unknown application ends the call, as Asterisk does.
 */
final class Apps {

    private static final Logger LOG = LoggerFactory.getLogger(Apps.class);

    private final Pbx pbx;
    private final DialplanRunner runner;
    private final DialApp dial;

    Apps(Pbx pbx, DialplanRunner runner) {
        this.pbx = pbx;
        this.runner = runner;
        this.dial = new DialApp(pbx, runner);
    }

    AppResult run(Channel ch, String app, String data) {
        switch (app.toLowerCase(Locale.ROOT)) {
            case "noop", "verbose", "log", "progress", "ringing", "playback", "mixmonitor", "monitor",
                    "sipaddheader", "set_music_on_hold", "setmusiconhold", "stopmonitor", "playtones",
                    "stopplaytones", "mixmonitormute":
                return AppResult.NEXT;
            case "userevent":
                return userEvent(ch, data);
            case "hangupcauseclear":
                ch.causeCodes.clear();
                return AppResult.NEXT;
            case "answer":
                answer(ch);
                return AppResult.NEXT;
            case "wait":
                return waitFor(ch, data);
            case "hangup": {
                int current = ch.hangupCause != 0 ? ch.hangupCause : HangupCauses.NORMAL_CLEARING;
                int cause = data.isBlank() ? current : parseInt(data, current);
                ch.hangupCause = cause;
                pbx.channels.requestHangup(ch, cause, true);
                return AppResult.HANGUP;
            }
            case "busy":
                pbx.channels.requestHangup(ch, HangupCauses.USER_BUSY, true);
                return AppResult.HANGUP;
            case "congestion":
                pbx.channels.requestHangup(ch, HangupCauses.CONGESTION, true);
                return AppResult.HANGUP;
            case "set":
                set(ch, data);
                return AppResult.NEXT;
            case "mset":
                for (String part : data.split(",")) {
                    set(ch, part);
                }
                return AppResult.NEXT;
            case "goto":
                return AppResult.jump(ch, data);
            case "gotoif":
                return gotoIf(ch, data);
            case "execif":
                return execIf(ch, data);
            case "gosub":
                return gosub(ch, data);
            case "return":
                return ret(ch);
            case "agi":
                agi(ch, data);
                return AppResult.NEXT;
            case "dial":
                return dial.run(ch, data);
            default:
                LOG.warn("No application '{}' for extension ({}, {}, {})", app, ch.context, ch.exten, ch.priority);
                return AppResult.HANGUP;
        }
    }

    /** Answers a channel; answering the ;2 half of a Local pair answers the call on ;1 too. */
    void answer(Channel ch) {
        if (ch.state == ChannelState.UP) {
            return;
        }
        ch.answeredMicros = pbx.clock().nowMicros();
        pbx.channels.setState(ch, ChannelState.UP);
        Channel partner = ch.localPartner;
        if (partner != null && ch.name.endsWith(";2") && partner.state != ChannelState.UP && !partner.hungUp) {
            partner.answeredMicros = ch.answeredMicros;
            pbx.channels.setState(partner, ChannelState.UP);
            Runnable onAnswered = partner.onAnswered;
            partner.onAnswered = null;
            if (onAnswered != null) {
                onAnswered.run();
            }
        }
    }

    private AppResult waitFor(Channel ch, String data) {
        double seconds;
        try {
            seconds = Double.parseDouble(data.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        int gen = ++ch.generation;
        ch.onHangupRequest = () -> {
            if (ch.generation == gen) {
                ch.generation++;
                pbx.channels.hangup(ch, ch.hangupCause);
            }
        };
        pbx.schedule((long) (seconds * 1000), () -> {
            if (ch.generation == gen && !ch.hungUp) {
                ch.onHangupRequest = null;
                runner.resumeNext(ch);
            }
        });
        return AppResult.SUSPEND;
    }

    private void set(Channel ch, String data) {
        int eq = data.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = data.substring(0, eq).strip();
        String value = data.substring(eq + 1);
        int paren = name.indexOf('(');
        if (paren > 0 && name.endsWith(")")) {
            pbx.modules.functions().write(ch, name.substring(0, paren), name.substring(paren + 1, name.length() - 1),
                    value);
            return;
        }
        while (name.startsWith("_")) {
            name = name.substring(1);
        }
        pbx.channels.setVar(ch, name, value);
    }

    /**
     * app_userevent: {@code UserEvent(name[,key: value...])} → AMI {@code UserEvent} (class user): the channel's
     * headers, {@code UserEvent: <name>}, then each {@code key: value} argument in order (keys as written, values
     * stripped, an argument without a colon skipped, a repeated key keeps its first place with the last value).
     */
    private AppResult userEvent(Channel ch, String data) {
        if (data.isEmpty()) {
            LOG.warn("UserEvent requires an argument (eventname,optional event body)");
            return AppResult.HANGUP;
        }
        java.util.List<String> args = AppArgs.split(data);
        Map<String, String> body = new java.util.LinkedHashMap<>();
        for (String arg : args.subList(1, args.size())) {
            int colon = arg.indexOf(':');
            if (colon >= 0) {
                body.put(arg.substring(0, colon), arg.substring(colon + 1).strip());
            }
        }
        pbx.events.userEvent(ch, args.get(0), body);
        return AppResult.NEXT;
    }

    /** {@code cond?a[:b]}: the branch chosen by the condition, or "" when there is none. */
    private static String branch(String data) {
        int q = data.indexOf('?');
        if (q < 0) {
            return "";
        }
        boolean cond = Expr.truthy(data.substring(0, q).strip());
        String branches = data.substring(q + 1);
        int colon = branches.indexOf(':');
        return cond ? (colon < 0 ? branches : branches.substring(0, colon))
                : (colon < 0 ? "" : branches.substring(colon + 1));
    }

    private AppResult gotoIf(Channel ch, String data) {
        String target = branch(data);
        return target.isBlank() ? AppResult.NEXT : AppResult.jump(ch, target.strip());
    }

    private AppResult execIf(Channel ch, String data) {
        String call = branch(data);
        if (call.isBlank()) {
            return AppResult.NEXT;
        }
        int paren = call.indexOf('(');
        String app = paren < 0 ? call : call.substring(0, paren);
        String args = paren < 0 ? "" : call.substring(paren + 1, call.endsWith(")") ? call.length() - 1
                : call.length());
        return run(ch, app.strip(), args);
    }

    private AppResult gosub(Channel ch, String data) {
        String target = data;
        String args = "";
        int paren = data.indexOf('(');
        if (paren >= 0) {
            target = data.substring(0, paren);
            args = data.substring(paren + 1, data.endsWith(")") ? data.length() - 1 : data.length());
        }
        ch.gosubStack.push(new String[] {ch.context, ch.exten, Integer.toString(ch.priority + 1)});
        String[] a = args.isEmpty() ? new String[0] : args.split(",", -1);
        for (int i = 0; i < a.length; i++) {
            pbx.channels.setVar(ch, "ARG" + (i + 1), a[i]);
        }
        return AppResult.jump(ch, target);
    }

    private AppResult ret(Channel ch) {
        String[] back = ch.gosubStack.poll();
        if (back == null) {
            LOG.debug("{}: Return without Gosub", ch.name);
            return AppResult.HANGUP;
        }
        return AppResult.jump(back[0], back[1], back[2]);
    }

    private void agi(Channel ch, String data) {
        String url = data;
        Map<String, String> env = new HashMap<>();
        env.put("agi_channel", ch.name);
        env.put("agi_uniqueid", ch.uniqueid);
        env.put("agi_callerid", ch.callerIdNum);
        env.put("agi_calleridname", ch.callerIdName);
        env.put("agi_extension", ch.exten);
        env.put("agi_context", ch.context);
        env.put("agi_priority", Integer.toString(ch.priority));
        env.put("agi_linkedid", ch.linkedid);
        Map<String, String> vars = pbx.hooks().agi(pbx.serverId(), url, env);
        vars.forEach((k, v) -> pbx.channels.setVar(ch, k, v));
    }

    static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
