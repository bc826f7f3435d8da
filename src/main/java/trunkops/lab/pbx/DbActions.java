package trunkops.lab.pbx;

import java.util.Map;

import trunkops.lab.ami.ActionContext;
import trunkops.lab.ami.AmiMessage;

/** main/db.c's manager actions over the simulated ASTDB, with its exact (and uneven) error texts. */
final class DbActions {

    private final Pbx pbx;

    DbActions(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Family and Key, or null after answering db.c's error (its texts end with a period, except DBPut's). */
    private static String[] familyAndKey(ActionContext ctx, String period) {
        String family = ctx.get("Family");
        String key = ctx.get("Key");
        if (family.isEmpty()) {
            ctx.error("No family specified" + period);
            return null;
        }
        if (key.isEmpty()) {
            ctx.error("No key specified" + period);
            return null;
        }
        return new String[] {family, key};
    }

    void get(ActionContext ctx) {
        String[] fk = familyAndKey(ctx, ".");
        if (fk == null) {
            return;
        }
        String family = fk[0];
        String key = fk[1];
        String value = pbx.astdb().get(family, key);
        if (value == null) {
            ctx.error("Database entry not found");
            return;
        }
        ctx.send(PbxActions.listAck(ctx, "Result will follow"));
        ctx.send(AmiMessage.builder().add("Event", "DBGetResponse").add("Family", family).add("Key", key)
                .add("Val", value).actionId(ctx.actionId()));
        ctx.send(PbxActions.listComplete(ctx, "DBGetComplete", 1));
    }

    void getTree(ActionContext ctx) {
        String family = ctx.get("Family");
        String key = ctx.get("Key");
        Map<String, String> rows = pbx.astdb().tree(family, family.isEmpty() ? "" : key);
        ctx.send(PbxActions.listAck(ctx, "Result will follow"));
        for (Map.Entry<String, String> e : rows.entrySet()) {
            ctx.send(AmiMessage.builder().add("Event", "DBGetTreeResponse").add("Key", e.getKey())
                    .add("Val", e.getValue()).actionId(ctx.actionId()));
        }
        ctx.send(PbxActions.listComplete(ctx, "DBGetTreeComplete", rows.size()));
    }

    void put(ActionContext ctx) {
        String[] fk = familyAndKey(ctx, "");
        if (fk == null) {
            return;
        }
        pbx.astdb().put(fk[0], fk[1], ctx.get("Val"));
        ctx.success("Updated database successfully");
    }

    void del(ActionContext ctx) {
        String[] fk = familyAndKey(ctx, ".");
        if (fk == null) {
            return;
        }
        if (pbx.astdb().delete(fk[0], fk[1])) {
            ctx.success("Key deleted successfully");
        } else {
            ctx.error("Database entry could not be deleted");
        }
    }

    void delTree(ActionContext ctx) {
        String family = ctx.get("Family");
        if (family.isEmpty()) {
            ctx.error("No family specified.");
            return;
        }
        int n = pbx.astdb().deleteTree(family, ctx.get("Key"));
        if (n > 0) {
            ctx.success("Key tree deleted successfully");
        } else {
            ctx.error("Database entry not found");
        }
    }
}
