package trunkops.lab.pbx;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.EventClass;

/**
 * The Originate action: validation in manager.c's order and texts, then an outgoing call to a SIP peer or a
 * Local channel pair, answered into a dialplan location. Async originates answer at once and report with
 * OriginateResponse (Reason from pbx_dial_reason); synchronous ones answer when the call is answered or failed.
 */
final class Originator {

    private final Pbx pbx;

    Originator(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Parameters of one originate. */
    private record Request(String actionId, String channel, String context, String exten, int priority,
                           String application, String data, long timeoutMs, String cidNum, String cidName,
                           String channelId, String otherChannelId, boolean async,
                           java.util.Map<String, String> variables) {
    }

    void handle(ActionContext ctx) {
        String channelId = ctx.get("ChannelId");
        String otherId = ctx.get("OtherChannelId");
        if (channelId.length() > 149 || otherId.length() > 149) {
            ctx.error("Uniqueid length exceeds maximum of 149\n");
            return;
        }
        String channel = ctx.get("Channel");
        if (channel.isEmpty()) {
            ctx.error("Channel not specified");
            return;
        }
        String context = ctx.get("Context");
        String exten = ctx.get("Exten");
        String app = ctx.get("Application");
        String priorityText = ctx.get("Priority");
        int priority = 0;
        if (!priorityText.isEmpty()) {
            try {
                priority = Integer.parseInt(priorityText.strip());
            } catch (NumberFormatException e) {
                Dialplan.Match m = pbx.modules.dialplan().find(context, exten, -1);
                priority = m == null ? -1 : Dialplan.resolvePriority(m.extension(), priorityText);
                if (priority < 1) {
                    ctx.error("Invalid priority");
                    return;
                }
            }
        }
        long timeout = 30_000;
        String t = ctx.get("Timeout");
        if (!t.isEmpty()) {
            try {
                timeout = Long.parseLong(t.strip());
            } catch (NumberFormatException e) {
                ctx.error("Invalid timeout");
                return;
            }
        }
        if (channel.indexOf('/') < 0) {
            ctx.error("Invalid channel");
            return;
        }
        if (!app.isEmpty() && needsSystem(app, ctx.get("Data"))
                && (ctx.session().user().writeMask() & EventClass.SYSTEM.bit()) == 0) {
            ctx.error("Originate Access Forbidden: app or data blacklisted");
            return;
        }
        String[] cid = parseCallerId(ctx.get("CallerID"));
        if (app.isEmpty() && priority != 0 && !pbx.modules.dialplan().exists(context, exten, priority)) {
            ctx.error("Extension does not exist.");
            return;
        }
        boolean async = isTrue(ctx.get("Async"));
        if (!async && app.isEmpty() && priority == 0) {
            ctx.error("Originate with 'Exten' requires 'Context' and 'Priority'");
            return;
        }
        Request r = new Request(ctx.actionId(), channel, context, exten, Math.max(priority, 1), app.isEmpty()
                ? null : app, ctx.get("Data"), timeout, cid[0], cid[1], channelId, otherId, async, variables(ctx));
        if (async) {
            ctx.success("Originate successfully queued");
            start(r, null);
        } else {
            ctx.defer();
            start(r, ctx);
        }
    }

    /** An internal async originate (no manager session), as the lab's ViciDial dialer places calls. */
    void originateLocal(String dialString, String localContext, String context, String exten, String cidName,
                        String cidNum, long timeoutMs) {
        String channel = "Local/" + dialString + "@" + localContext;
        new LocalOriginate(pbx, this, java.util.Map.of()).start(null, channel, dialString + "@" + localContext, context, exten, 1,
                null, "", timeoutMs, cidNum, cidName, "", "", null);
    }

    /** Every {@code Variable:} header, each {@code name=value} or a comma-separated list of them (manager.c). */
    private static java.util.Map<String, String> variables(ActionContext ctx) {
        java.util.Map<String, String> vars = new java.util.LinkedHashMap<>();
        for (String header : ctx.request().all("Variable")) {
            for (String pair : header.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
                }
            }
        }
        return vars;
    }

    private static boolean needsSystem(String app, String data) {
        String a = app.toLowerCase(java.util.Locale.ROOT);
        for (String bad : new String[] {"agi", "dbdeltree", "exec", "externalivr", "mixmonitor", "originate",
            "reload", "system"}) {
            if (a.contains(bad)) {
                return true;
            }
        }
        for (String bad : new String[] {"CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME", "SHELL"}) {
            if (data.contains(bad)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTrue(String v) {
        String s = v.strip().toLowerCase(java.util.Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("y") || s.equals("t") || s.equals("1")
                || s.equals("on");
    }

    /** {@code "Name" <num>}, {@code Name <num>} or {@code num}. */
    static String[] parseCallerId(String cid) {
        String s = cid.strip();
        int lt = s.indexOf('<');
        int gt = s.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            String name = s.substring(0, lt).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {s.substring(lt + 1, gt).strip(), name};
        }
        return new String[] {s, ""};
    }

    private void start(Request r, ActionContext sync) {
        int slash = r.channel().indexOf('/');
        String tech = r.channel().substring(0, slash);
        String resource = r.channel().substring(slash + 1);
        if (tech.equalsIgnoreCase("Local")) {
            new LocalOriginate(pbx, this, r.variables()).start(r.actionId(), r.channel(), resource, r.context(), r.exten(),
                    r.priority(), r.application(), r.data(), r.timeoutMs(), r.cidNum(), r.cidName(),
                    r.channelId(), r.otherChannelId(), sync);
        } else if (tech.equalsIgnoreCase("SIP")) {
            new SipOriginate(pbx, this).start(r.actionId(), r.channel(), resource, r.context(), r.exten(),
                    r.priority(), r.application(), r.data(), r.timeoutMs(), r.cidNum(), r.cidName(),
                    r.channelId(), sync);
        } else {
            failed(r.actionId(), r.channel(), r.context(), r.exten(), r.application(), r.data(), 0, r.cidNum(),
                    r.cidName(), r.channelId(), sync);
        }
    }

    /** Reports a failed originate (the channel as requested, no channel variables). */
    void failed(String actionId, String channel, String context, String exten, String app, String data,
                int reason, String cidNum, String cidName, String channelId, ActionContext sync) {
        if (sync != null) {
            sync.error("Originate failed");
            sync.finish();
            return;
        }
        pbx.events.originateResponse(actionId, false, null, channel, context, exten, app, data, reason, cidNum,
                cidName, channelId == null || channelId.isEmpty() ? "<unknown>" : channelId);
    }

    void succeeded(String actionId, Channel ch, String context, String exten, String app, String data,
                   String cidNum, String cidName, ActionContext sync) {
        if (sync != null) {
            sync.success("Originate successfully queued");
            sync.finish();
            return;
        }
        pbx.events.originateResponse(actionId, true, ch, ch.name, context, exten, app, data, 4, cidNum, cidName,
                ch.uniqueid);
    }

    /** pbx_dial_reason for a dialed leg that ended before answer with {@code cause}. */
    static int reasonFor(int sipCode, int cause) {
        SipFailure f = SipFailure.of(sipCode, cause);
        if (f.busyControl()) {
            return 5;
        }
        if (f.congestionControl()) {
            return 8;
        }
        return switch (cause) {
            case HangupCauses.USER_BUSY -> 5;
            case HangupCauses.CONGESTION, HangupCauses.CALL_REJECTED, HangupCauses.FAILURE,
                    HangupCauses.DESTINATION_OUT_OF_ORDER, HangupCauses.NORMAL_TEMPORARY_FAILURE, 42 -> 8;
            default -> 0;
        };
    }
}
