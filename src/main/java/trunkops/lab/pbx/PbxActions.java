package trunkops.lab.pbx;

import java.util.List;
import java.util.Map;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.ActionRegistry;
import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * The manager actions of a simulated dialer, registered with Asterisk 20's write classes. Responses follow the
 * captured transcripts: header order, list events with the ActionID where Asterisk puts it, empty values as
 * {@code Key: } with the trailing space.
 */
final class PbxActions {

    private static final int SYSTEM = EventClass.SYSTEM.bit();
    private static final int CALL = EventClass.CALL.bit();
    private static final int REPORTING = EventClass.REPORTING.bit();
    private static final int CONFIG = EventClass.CONFIG.bit();
    private static final int COMMAND = EventClass.COMMAND.bit();
    private static final int ORIGINATE = EventClass.ORIGINATE.bit();

    private final Pbx pbx;

    private PbxActions(Pbx pbx) {
        this.pbx = pbx;
    }

    static void register(Pbx pbx, ActionRegistry r) {
        PbxActions a = new PbxActions(pbx);
        SipActions sip = new SipActions(pbx);
        DbActions db = new DbActions(pbx);
        PbxCli cli = new PbxCli(pbx);
        Originator originator = pbx.originator;
        r.register("SIPpeers", SYSTEM | REPORTING, sip::peers)
                .register("SIPshowpeer", SYSTEM | REPORTING, sip::showPeer)
                .register("SIPpeerstatus", SYSTEM, sip::peerStatus)
                .register("SIPqualifypeer", SYSTEM | REPORTING, sip::qualifyPeer)
                .register("SIPshowregistry", SYSTEM | REPORTING, sip::showRegistry)
                .register("DBGet", SYSTEM | REPORTING, db::get)
                .register("DBGetTree", SYSTEM | REPORTING, db::getTree)
                .register("DBPut", SYSTEM, db::put)
                .register("DBDel", SYSTEM, db::del)
                .register("DBDelTree", SYSTEM, db::delTree)
                .register("Command", COMMAND, cli::action)
                .register("ShowDialPlan", CONFIG | REPORTING, new ShowDialPlanAction(pbx)::handle)
                .register("Originate", ORIGINATE, originator::handle)
                .register("CoreShowChannels", SYSTEM | REPORTING, new ChannelActions(pbx)::coreShowChannels)
                .register("Status", SYSTEM | CALL | REPORTING, new ChannelActions(pbx)::status)
                .register("Hangup", SYSTEM | CALL, new ChannelActions(pbx)::hangup)
                .register("Reload", CONFIG | SYSTEM, a::reload)
                .register("ModuleLoad", SYSTEM, a::moduleLoad)
                .register("CoreSettings", SYSTEM | REPORTING, a::coreSettings)
                .register("CoreStatus", SYSTEM | REPORTING, a::coreStatus)
                .register("Getvar", CALL | REPORTING, a::getvar)
                .register("Setvar", CALL, a::setvar);
    }

    private void reload(ActionContext ctx) {
        String module = ctx.get("Module");
        Modules.ReloadResult r = pbx.modules.reload(module.isEmpty() ? null : module,
                module.isEmpty() ? "All" : module);
        switch (r) {
            case SUCCESS, QUEUED -> ctx.success("Module Reloaded");
            case NOT_FOUND -> ctx.error("No such module");
            case NOT_IMPLEMENTED -> ctx.error("Module does not support reload");
            case IN_PROGRESS -> ctx.error("A reload is in progress");
            case UNINITIALIZED -> ctx.error("Module not initialized");
            default -> ctx.error("An unknown error occurred");
        }
    }

    private void moduleLoad(ActionContext ctx) {
        String module = ctx.get("Module");
        String type = ctx.get("LoadType");
        if (type.isEmpty()) {
            ctx.error("Incomplete ModuleLoad action.");
            return;
        }
        if (!type.equalsIgnoreCase("reload")) {
            ctx.error("Could not " + (type.equalsIgnoreCase("load") ? "load" : "unload") + " module.");
            return;
        }
        if (module.isEmpty()) {
            pbx.modules.reload(null, "All");
            ctx.success("All modules reloaded");
            return;
        }
        if (!module.endsWith(".so") || !pbx.modules.exists(module)) {
            ctx.error("Module not found.");
            return;
        }
        Modules.ReloadResult r = pbx.modules.reload(module, module);
        switch (r) {
            case SUCCESS, QUEUED -> ctx.success("Module reloaded.");
            case NOT_FOUND -> ctx.error("No such module.");
            case NOT_IMPLEMENTED -> ctx.error("Module does not support reload action.");
            case IN_PROGRESS -> ctx.error("A reload is in progress");
            case UNINITIALIZED -> ctx.error("Module not initialized");
            default -> ctx.error("An unknown error occurred");
        }
    }

    private void coreSettings(ActionContext ctx) {
        ctx.send(ctx.response("Success")
                .add("AMIversion", "9.0.0")
                .add("AsteriskVersion", "20.20.1")
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "asterisk")
                .add("CoreRunGroup", "asterisk")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No"));
    }

    private void coreStatus(ActionContext ctx) {
        ctx.send(ctx.response("Success")
                .add("CoreStartupDate", "")
                .add("CoreStartupTime", "")
                .add("CoreReloadDate", "")
                .add("CoreReloadTime", "")
                .add("CoreCurrentCalls", pbx.channels.count()));
    }

    private void getvar(ActionContext ctx) {
        String variable = ctx.get("Variable");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        String chan = ctx.get("Channel");
        Channel ch = chan.isEmpty() ? null : pbx.channels.get(chan);
        if (!chan.isEmpty() && ch == null) {
            ctx.error("No such channel");
            return;
        }
        String value = pbx.modules.substitution().expand(ch, "${" + variable + "}");
        ctx.send(ctx.response("Success").add("Variable", variable).add("Value", value));
    }

    private void setvar(ActionContext ctx) {
        String variable = ctx.get("Variable");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        String chan = ctx.get("Channel");
        Channel ch = chan.isEmpty() ? null : pbx.channels.get(chan);
        if (!chan.isEmpty() && ch == null) {
            ctx.error("No such channel");
            return;
        }
        String value = ctx.get("Value");
        int paren = variable.indexOf('(');
        if (paren > 0 && variable.endsWith(")")) {
            pbx.modules.functions().write(ch, variable.substring(0, paren),
                    variable.substring(paren + 1, variable.length() - 1), value);
        } else if (ch == null) {
            pbx.modules.globals().put(variable, value);
        } else {
            pbx.channels.setVar(ch, variable, value);
        }
        ctx.success("Variable Set");
    }

    static AmiMessage.Builder listAck(ActionContext ctx, String message) {
        return ctx.response("Success").add("EventList", "start").add("Message", message);
    }

    static AmiMessage.Builder listComplete(ActionContext ctx, String event, int items) {
        return AmiMessage.builder().add("Event", event).actionId(ctx.actionId()).add("EventList", "Complete")
                .add("ListItems", items);
    }

    static Map<String, String> none() {
        return Map.of();
    }

    static List<String> empty() {
        return List.of();
    }
}
