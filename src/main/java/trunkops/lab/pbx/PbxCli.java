package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * The Command action and the CLI commands the lab simulates, with Asterisk 20's output layouts. A command the
 * lab does not know answers exactly like an unknown command on a real Asterisk.
 */
final class PbxCli {

    /** Real CLI command word lists, for "No such command ... (type 'core show help X' ...)". */
    private static final List<String> CATALOGUE = List.of(
            "sip show peers", "sip show peer", "sip show users", "sip show registry", "sip show settings",
            "sip show inuse", "sip show channels", "sip show channel", "sip show objects", "sip show tcp",
            "sip show domains", "sip show sched", "sip show history", "sip show mwi", "sip show subscriptions",
            "sip show channelstats", "sip qualify peer", "sip reload", "sip set debug on", "sip set debug off",
            "sip set debug ip", "sip set debug peer", "sip set history on", "sip set history off",
            "sip prune realtime", "sip unregister", "sip notify",
            "dialplan show", "dialplan reload", "dialplan add extension", "dialplan remove extension",
            "dialplan save", "database show", "database showkey", "database put", "database get",
            "database del", "database deltree", "database query", "core show version", "core show channels",
            "core show channel", "core show calls", "core show uptime", "core show help", "core reload",
            "core restart now", "core stop now", "module reload", "module show", "module load",
            "module unload", "group show channels", "channel originate", "channel request hangup",
            "manager show connected", "manager show commands", "!", "ulimit");

    private final Pbx pbx;

    PbxCli(Pbx pbx) {
        this.pbx = pbx;
    }

    /** A CLI result: output lines and whether the command succeeded. */
    record Result(List<String> lines, boolean ok) {
        static Result of(String... lines) {
            return new Result(Arrays.asList(lines), true);
        }
    }

    void action(ActionContext ctx) {
        String command = ctx.get("Command");
        if (command.isEmpty()) {
            ctx.error("No command provided");
            return;
        }
        String[] words = command.strip().split("\\s+");
        String w0 = words[0].toLowerCase(Locale.ROOT);
        String w1 = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        if (w0.equals("module") && (w1.equals("load") || w1.equals("unload"))
                || w0.equals("restart") && w1.equals("gracefully")) {
            ctx.error("Command blacklisted");
            return;
        }
        Result r = run(command, words);
        AmiMessage.Builder b = ctx.response(r.ok() ? "Success" : "Error").add("Message", "Command output follows");
        List<String> lines = new ArrayList<>(r.lines());
        if (lines.isEmpty()) {
            lines.add("");
        }
        for (String line : lines) {
            b.add("Output", line);
        }
        ctx.send(b);
    }

    Result run(String command, String[] words) {
        String cmd = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (cmd.equals("sip show peers")) {
            return sipShowPeers();
        }
        if (cmd.startsWith("sip show peer ") && words.length == 4) {
            SipPeer p = pbx.sip.peer(words[3]);
            return p == null ? Result.of("Peer " + words[3] + " not found.", "") : sipShowPeer(p);
        }
        if (cmd.startsWith("sip qualify peer ") && words.length == 4) {
            SipPeer p = pbx.sip.peer(words[3]);
            if (p == null) {
                return Result.of("Peer '" + words[3] + "' not found");
            }
            pbx.sip.qualifyNow(p);
            pbx.publish(pbx.event("SIPQualifyPeerDone", EventClass.CALL.bit(),
                    AmiMessage.builder().add("Peer", p.name)));
            return Result.of();
        }
        if (cmd.equals("sip reload")) {
            pbx.modules.reloadSip(true);
            return Result.of();
        }
        if (cmd.equals("dialplan reload")) {
            pbx.modules.reloadDialplan();
            return Result.of("Dialplan reloaded.");
        }
        if (cmd.equals("dialplan show") || cmd.startsWith("dialplan show ") && words.length == 3) {
            String ctxName = words.length == 3 ? words[2] : null;
            List<String> out = DialplanShow.render(pbx.modules.dialplan(), ctxName);
            if (out == null) {
                return new Result(List.of("There is no existence of '" + ctxName + "' context",
                        "Command '" + command + "' failed."), false);
            }
            return new Result(out, true);
        }
        if (cmd.startsWith("database ")) {
            return new DatabaseCli(pbx.astdb()).run(command, words);
        }
        if (cmd.equals("core show version")) {
            return Result.of("Asterisk 20.20.1 built by root @ vm on a x86_64 running Linux on 2026-11-26 07:13:21 UTC");
        }
        if (cmd.equals("core show channels")) {
            return coreShowChannels();
        }
        if (cmd.startsWith("pjsip ") && pbx.modules.pjsipLoaded()) {
            Result r = new PjsipCli(pbx).run(words);
            if (r != null) {
                return r;
            }
        }
        if (cmd.equals("module reload") || cmd.equals("core reload")) {
            pbx.modules.reload(null, "All");
            return Result.of();
        }
        if (cmd.startsWith("module reload ") && words.length == 3) {
            return moduleReload(words[2]);
        }
        return new Result(List.of("No such command '" + command + "' (type 'core show help " + findBest(words)
                + "' for other possible commands)"), false);
    }

    private Result moduleReload(String module) {
        Modules.ReloadResult r = pbx.modules.reload(module, module);
        return switch (r) {
            case SUCCESS, QUEUED -> Result.of("Module '" + module + "' reloaded successfully.");
            case NOT_FOUND -> Result.of("No such module '" + module + "'");
            case NOT_IMPLEMENTED -> Result.of("The module '" + module + "' does not support reloads");
            case IN_PROGRESS -> Result.of("A module reload request is already in progress; please be patient");
            default -> Result.of("The module '" + module + "' reported a reload failure");
        };
    }

    /** cli.c find_best: the input's words up to and including the first one no known command continues with. */
    static String findBest(String[] words) {
        List<String> best = new ArrayList<>();
        for (String w : words) {
            best.add(w);
            String prefix = String.join(" ", best).toLowerCase(Locale.ROOT);
            boolean any = false;
            for (String c : CATALOGUE) {
                if (c.equals(prefix) || c.startsWith(prefix + " ")) {
                    any = true;
                    break;
                }
            }
            if (!any && best.size() > 1) {
                break;
            }
        }
        return String.join(" ", best);
    }

    private Result sipShowPeers() {
        List<String> out = new ArrayList<>();
        String fmt = "%-25.25s %-39.39s %-3.3s %-10.10s %-10.10s %-3.3s %-8s %-11s %-32.32s %s";
        out.add(String.format(fmt, "Name/username", "Host", "Dyn", "Forcerport", "Comedia", "ACL", "Port",
                "Status", "Description", ""));
        int monOn = 0;
        int monOff = 0;
        int unmonOn = 0;
        int unmonOff = 0;
        for (SipPeer p : pbx.sip.sorted()) {
            boolean[] nat = SipActions.nat(p);
            String rport = nat[0] ? (nat[1] ? "Auto (Yes)" : "Auto (No)") : (nat[1] ? "Yes" : "No");
            String comedia = nat[2] ? (nat[3] ? "Auto (Yes)" : "Auto (No)") : (nat[3] ? "Yes" : "No");
            String status = p.statusText();
            out.add(String.format(fmt, p.name + (p.defaultUser.isEmpty() ? "" : "/" + p.defaultUser),
                    p.dynamic ? "(Unspecified)" : p.host, p.dynamic ? " D " : "   ", rport, comedia, "   ",
                    Integer.toString(p.dynamic ? 0 : p.port), status, p.description, ""));
            if (p.maxms > 0) {
                if (status.startsWith("OK") || status.startsWith("LAGGED")) {
                    monOn++;
                } else {
                    monOff++;
                }
            } else if (p.dynamic) {
                unmonOff++;
            } else {
                unmonOn++;
            }
        }
        out.add(String.format("%d sip peers [Monitored: %d online, %d offline Unmonitored: %d online, %d offline]",
                pbx.sip.sorted().size(), monOn, monOff, unmonOn, unmonOff));
        return new Result(out, true);
    }

    private Result sipShowPeer(SipPeer p) {
        List<String> out = new ArrayList<>(List.of("", ""));
        out.add("  * Name       : " + p.name);
        out.add("  Description  : " + p.description);
        out.add("  Secret       : " + (p.hasSecret ? "<Set>" : "<Not set>"));
        out.add("  Context      : " + p.context);
        out.add("  Call limit   : " + p.callLimit);
        out.add("  Dynamic      : " + (p.dynamic ? "Yes" : "No"));
        out.add("  Insecure     : " + (p.insecure.isEmpty() ? "no" : p.insecure));
        out.add("  DTMFmode     : " + p.dtmfmode);
        out.add("  Timer T1     : " + SipDriver.t1(p));
        out.add("  Timer B      : " + 64 * SipDriver.t1(p));
        out.add("  ToHost       : " + (p.dynamic ? "" : p.host));
        out.add("  Addr->IP     : " + (p.dynamic ? "(null)" : p.host + ":" + p.port));
        out.add("  Codecs       : " + String.join("|", p.codecs));
        out.add("  Status       : " + p.statusText());
        out.add("  Qualify Freq : " + p.qualifyFreqMs + " ms");
        out.add("");
        return new Result(out, true);
    }

    private Result coreShowChannels() {
        List<String> out = new ArrayList<>();
        String fmt = "%-64.64s %-32.32s %-7.7s %-30.30s";
        out.add(String.format(fmt, "Channel", "Location", "State", "Application(Data)"));
        int calls = 0;
        for (Channel c : pbx.channels.all()) {
            String loc = c.exten == null || c.exten.isEmpty() ? "(None)" : c.exten + "@" + c.context + ":" + c.priority;
            String app = c.application.isEmpty() ? "(None)" : c.application + "(" + c.appData + ")";
            out.add(String.format(fmt, c.name, loc, c.state.description(), app.length() > 39 ? app.substring(0, 39)
                    : app));
            if (c.tech == Channel.Tech.SIP) {
                calls++;
            }
        }
        int n = pbx.channels.count();
        out.add(n + " active channel" + (n == 1 ? "" : "s"));
        out.add(calls + " active call" + (calls == 1 ? "" : "s"));
        return new Result(out, true);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
