package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * AST_STANDARD_APP_ARGS (app.c's argument separation): splits at commas outside parentheses, brackets and double
 * quotes; removes the quotes and the backslash of an escaped character; never trims blanks.
 */
final class AppArgs {

    private AppArgs() {
    }

    static List<String> split(String data) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int paren = 0;
        int bracket = 0;
        boolean quote = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\' && i + 1 < data.length()) {
                cur.append(data.charAt(++i));
                continue;
            }
            if (c == '"') {
                quote = !quote;
                continue;
            }
            if (c == '(') {
                paren++;
            } else if (c == ')' && paren > 0) {
                paren--;
            } else if (c == '[') {
                bracket++;
            } else if (c == ']' && bracket > 0) {
                bracket--;
            } else if (c == ',' && paren == 0 && bracket == 0 && !quote) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
