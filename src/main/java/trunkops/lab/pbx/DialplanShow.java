package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;

/** The text of the CLI {@code dialplan show [context]} command, in pbx.c's layout. */
final class DialplanShow {

    private DialplanShow() {
    }

    /** Output lines, or {@code null} when the named context does not exist. */
    static List<String> render(Dialplan dp, String onlyContext) {
        List<String> out = new ArrayList<>();
        int contexts = 0;
        int extensions = 0;
        int priorities = 0;
        for (Dialplan.Context ctx : dp.contexts().values()) {
            if (onlyContext != null && !ctx.name().equals(onlyContext)) {
                continue;
            }
            contexts++;
            out.add("[ Context '" + ctx.name() + "' created by '" + ctx.registrar + "' ]");
            for (Dialplan.Extension e : ctx.extensions()) {
                extensions++;
                boolean first = true;
                for (Dialplan.Priority p : e.priorities().values()) {
                    priorities++;
                    String col1;
                    if (first) {
                        col1 = "'" + e.name() + "' =>";
                    } else {
                        col1 = p.label() != null ? "   [" + p.label() + "]" : "";
                    }
                    String col2 = p.number() + ". " + p.app() + "(" + p.data() + ")";
                    out.add(String.format("  %-17s %-45s [%s:%d]", col1, col2, p.file(), p.line()));
                    first = false;
                }
            }
            for (String inc : ctx.includes()) {
                out.add(String.format("  Include =>        %-45s [%s]", "'" + inc + "'", ctx.registrar));
            }
            out.add("");
        }
        if (onlyContext != null && contexts == 0) {
            return null;
        }
        out.add(String.format("-= %d %s (%d %s) in %d %s. =-",
                extensions, extensions == 1 ? "extension" : "extensions",
                priorities, priorities == 1 ? "priority" : "priorities",
                contexts, contexts == 1 ? "context" : "contexts"));
        return out;
    }
}
