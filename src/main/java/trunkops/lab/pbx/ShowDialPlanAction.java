package trunkops.lab.pbx;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.AmiMessage;

/** pbx.c's ShowDialPlan: one ListDialplan event per priority / include, then ShowDialPlanComplete. */
final class ShowDialPlanAction {

    private final Pbx pbx;

    ShowDialPlanAction(Pbx pbx) {
        this.pbx = pbx;
    }

    void handle(ActionContext ctx) {
        String context = ctx.get("Context");
        String exten = ctx.get("Extension");
        Dialplan dp = pbx.modules.dialplan();
        if (!context.isEmpty() && dp.context(context) == null) {
            ctx.error("Did not find context " + context);
            return;
        }
        int items = 0;
        int extensions = 0;
        int priorities = 0;
        int contexts = 0;
        boolean acked = false;
        for (Dialplan.Context c : dp.contexts().values()) {
            if (!context.isEmpty() && !c.name().equals(context)) {
                continue;
            }
            contexts++;
            for (Dialplan.Extension e : c.extensions()) {
                if (!exten.isEmpty() && !ExtenPattern.matches(e.name(), exten)) {
                    continue;
                }
                extensions++;
                for (Dialplan.Priority p : e.priorities().values()) {
                    if (!acked) {
                        ctx.send(PbxActions.listAck(ctx, "DialPlan list will follow"));
                        acked = true;
                    }
                    priorities++;
                    items++;
                    AmiMessage.Builder b = AmiMessage.builder().add("Event", "ListDialplan").actionId(ctx.actionId())
                            .add("Context", c.name()).add("Extension", e.name());
                    if (p.label() != null) {
                        b.add("ExtensionLabel", p.label());
                    }
                    ctx.send(b.add("Priority", p.number()).add("Application", p.app()).add("AppData", p.data())
                            .add("Registrar", "pbx_config"));
                }
            }
            if (exten.isEmpty()) {
                for (String inc : c.includes()) {
                    if (!acked) {
                        ctx.send(PbxActions.listAck(ctx, "DialPlan list will follow"));
                        acked = true;
                    }
                    items++;
                    ctx.send(AmiMessage.builder().add("Event", "ListDialplan").actionId(ctx.actionId())
                            .add("Context", c.name()).add("IncludeContext", inc).add("Registrar", "pbx_config"));
                }
            }
        }
        if (!exten.isEmpty() && extensions == 0) {
            ctx.error(context.isEmpty() ? "Did not find extension " + exten + " in any context"
                    : "Did not find extension " + exten + "@" + context);
            return;
        }
        if (!acked) {
            ctx.send(PbxActions.listAck(ctx, "DialPlan list will follow"));
        }
        ctx.send(AmiMessage.builder().add("Event", "ShowDialPlanComplete").actionId(ctx.actionId())
                .add("EventList", "Complete").add("ListItems", items).add("ListExtensions", extensions)
                .add("ListPriorities", priorities).add("ListContexts", contexts));
    }
}
