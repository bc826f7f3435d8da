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

    /**
     * AST_NONSTANDARD_APP_ARGS with two arguments: splits at the first {@code sep} outside parentheses, brackets
     * and quotes (quotes and backslashes kept); the second element is null when there is no separator.
     */
    static String[] splitOnce(String data, char sep) {
        int paren = 0;
        int bracket = 0;
        boolean quote = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quote = !quote;
            } else if (c == '(') {
                paren++;
            } else if (c == ')' && paren > 0) {
                paren--;
            } else if (c == '[') {
                bracket++;
            } else if (c == ']' && bracket > 0) {
                bracket--;
            } else if (c == sep && paren == 0 && bracket == 0 && !quote) {
                return new String[] {data.substring(0, i), data.substring(i + 1)};
            }
        }
        return new String[] {data, null};
    }
}
