package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code database} CLI commands over the simulated ASTDB. */
final class DatabaseCli {

    private final AstDb db;

    DatabaseCli(AstDb db) {
        this.db = db;
    }

    PbxCli.Result run(String command, String[] w) {
        String sub = w.length > 1 ? w[1].toLowerCase(java.util.Locale.ROOT) : "";
        switch (sub) {
            case "show": {
                String family = w.length > 2 ? w[2] : "";
                String key = w.length > 3 ? w[3] : "";
                if (family.contains("/") && key.isEmpty()) {
                    int slash = family.indexOf('/');
                    key = family.substring(slash + 1);
                    family = family.substring(0, slash);
                }
                Map<String, String> rows = db.tree(family, key);
                List<String> out = new ArrayList<>();
                rows.forEach((k, v) -> out.add(String.format("%-50s: %-25s", k, v)));
                out.add(rows.size() + " results found.");
                return new PbxCli.Result(out, true);
            }
            case "put":
                if (w.length != 5) {
                    return usage(command);
                }
                db.put(w[2], w[3], w[4]);
                return PbxCli.Result.of("Updated database successfully");
            case "get": {
                if (w.length != 4) {
                    return usage(command);
                }
                String v = db.get(w[2], w[3]);
                return v == null ? PbxCli.Result.of("Database entry not found.") : PbxCli.Result.of("Value: " + v);
            }
            case "del":
                if (w.length != 4) {
                    return usage(command);
                }
                return PbxCli.Result.of(db.delete(w[2], w[3]) ? "Database entry removed."
                        : "Database entry does not exist.");
            case "deltree": {
                if (w.length < 3 || w.length > 4) {
                    return usage(command);
                }
                int n = db.deleteTree(w[2], w.length == 4 ? w[3] : "");
                return PbxCli.Result.of(n > 0 ? n + " database entries removed." : "Database entries do not exist.");
            }
            default:
                return usage(command);
        }
    }

    private static PbxCli.Result usage(String command) {
        return new PbxCli.Result(List.of("Usage: database " + "show [family [keytree]]"), false);
    }
}
