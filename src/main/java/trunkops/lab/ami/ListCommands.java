package trunkops.lab.ami;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Asterisk 20's {@code ListCommands} (main/manager.c {@code action_listcommands}): a {@code Response: Success}
 * whose headers are the actions the session's <em>write</em> classes allow ({@code writeperm & authority}, or
 * authority 0), in the registry's case-insensitive alphabetical order, each
 * {@code <Action>: <synopsis> (Priv: <classes>)} with {@code <none>} for authority 0 (authority_to_str). The lab
 * lists the actions it implements, with the synopses of Asterisk 20's XML documentation.
 */
final class ListCommands {

    /** The manager's own actions, registered with authority 0 in manager.c (__init_manager). */
    static final List<String> BUILTINS = List.of("Login", "Challenge", "Logoff", "Ping", "Events", "ListCommands");

    /** {@code <synopsis>} of each action the lab implements (Asterisk 20 main/manager_doc.xml, db.c, pbx.c, ...). */
    private static final Map<String, String> SYNOPSIS = Map.ofEntries(
            Map.entry("Login", "Login Manager."),
            Map.entry("Challenge", "Generate Challenge for MD5 Auth."),
            Map.entry("Logoff", "Logoff Manager."),
            Map.entry("Ping", "Keepalive command."),
            Map.entry("Events", "Control Event Flow."),
            Map.entry("ListCommands", "List available manager commands."),
            Map.entry("Command", "Execute Asterisk CLI Command."),
            Map.entry("CoreSettings", "Show PBX core settings (version etc)."),
            Map.entry("CoreShowChannels", "List currently active channels."),
            Map.entry("CoreStatus", "Show PBX core status variables."),
            Map.entry("DBDel", "Delete DB entry."),
            Map.entry("DBDelTree", "Delete DB Tree."),
            Map.entry("DBGet", "Get DB Entry."),
            Map.entry("DBGetTree", "Get DB entries, optionally at a particular family/key"),
            Map.entry("DBPut", "Put DB entry."),
            Map.entry("Getvar", "Gets a channel variable or function value."),
            Map.entry("Hangup", "Hangup channel."),
            Map.entry("ModuleLoad", "Module management."),
            Map.entry("Originate", "Originate a call."),
            Map.entry("Reload", "Send a reload event."),
            Map.entry("SIPpeers", "List SIP peers (text format)."),
            Map.entry("PJSIPQualify", "Qualify a chan_pjsip endpoint."),
            Map.entry("PJSIPShowEndpoints", "Lists PJSIP endpoints."),
            Map.entry("PJSIPShowEndpoint", "Detail listing of an endpoint and its objects."),
            Map.entry("PJSIPShowAors", "Lists PJSIP AORs."),
            Map.entry("PJSIPShowContacts", "Lists PJSIP Contacts."),
            Map.entry("PJSIPRegister", "Register an outbound registration."),
            Map.entry("PJSIPShowRegistrationsOutbound", "Lists PJSIP outbound registrations."),
            Map.entry("PJSIPShowRegistrationsInbound", "Lists PJSIP inbound registrations."),
            Map.entry("SIPpeerstatus", "Show the status of one or all of the sip peers."),
            Map.entry("SIPqualifypeer", "Qualify SIP peers."),
            Map.entry("SIPshowpeer", "show SIP peer (text format)."),
            Map.entry("SIPshowregistry", "Show SIP registrations (text format)."),
            Map.entry("Setvar", "Sets a channel variable or function value."),
            Map.entry("ShowDialPlan", "Show dialplan contexts and extensions"),
            Map.entry("Status", "List channel status."));

    private ListCommands() {
    }

    static void answer(ActionContext ctx, ActionRegistry registry) {
        int write = ctx.session().user().writeMask();
        List<ActionRegistry.Action> actions = new ArrayList<>();
        BUILTINS.forEach(b -> actions.add(new ActionRegistry.Action(b, 0, null)));
        actions.addAll(registry.all());
        actions.sort(Comparator.comparing(ActionRegistry.Action::name, String.CASE_INSENSITIVE_ORDER));
        AmiMessage.Builder b = ctx.response("Success");
        for (ActionRegistry.Action a : actions) {
            if (a.authority() == 0 || (write & a.authority()) != 0) {
                b.add(a.name(), SYNOPSIS.getOrDefault(a.name(), "") + " (Priv: "
                        + EventClass.authorityToStr(a.authority()) + ")");
            }
        }
        ctx.send(b);
    }
}
