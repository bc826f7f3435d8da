package trunkops.lab.pbx;

/**
 * pbx_substitute_variables: expands {@code ${VAR}}, {@code ${VAR:offset[:length]}}, {@code ${FUNC(args)}} and
 * {@code $[expression]}, innermost first, the way Asterisk does before running an application.
 */
final class Substitution {

    private final Functions functions;

    Substitution(Functions functions) {
        this.functions = functions;
    }

    String expand(Channel ch, String in) {
        if (in.indexOf('$') < 0) {
            return in;
        }
        StringBuilder out = new StringBuilder(in.length() + 16);
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '$' && i + 1 < in.length() && (in.charAt(i + 1) == '{' || in.charAt(i + 1) == '[')) {
                char open = in.charAt(i + 1);
                char close = open == '{' ? '}' : ']';
                int end = matching(in, i + 1, open, close);
                if (end < 0) {
                    out.append(in.substring(i));
                    break;
                }
                String inner = expand(ch, in.substring(i + 2, end));
                out.append(open == '{' ? variable(ch, inner) : Expr.evaluate(inner));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matching(String s, int openAt, char open, char close) {
        int depth = 0;
        for (int i = openAt; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The value of {@code ${inner}}: a function call, or a variable with an optional substring. */
    private String variable(Channel ch, String inner) {
        int paren = inner.indexOf('(');
        int colon = inner.indexOf(':');
        if (paren > 0 && (colon < 0 || paren < colon)) {
            int closeParen = inner.lastIndexOf(')');
            if (closeParen > paren) {
                String name = inner.substring(0, paren);
                String args = inner.substring(paren + 1, closeParen);
                String value = functions.read(ch, name, args);
                String rest = inner.substring(closeParen + 1);
                return rest.startsWith(":") ? substring(value, rest.substring(1)) : value;
            }
        }
        if (colon > 0) {
            return substring(lookup(ch, inner.substring(0, colon)), inner.substring(colon + 1));
        }
        return lookup(ch, inner);
    }

    String lookup(Channel ch, String name) {
        if (ch != null) {
            String v = ch.vars.get(name);
            if (v != null) {
                return v;
            }
            switch (name) {
                case "EXTEN":
                    return ch.exten;
                case "CONTEXT":
                    return ch.context;
                case "PRIORITY":
                    return Integer.toString(ch.priority);
                case "CHANNEL":
                    return ch.name;
                case "UNIQUEID":
                    return ch.uniqueid;
                case "HANGUPCAUSE":
                    return Integer.toString(ch.hangupCause);
                case "CALLERID(num)":
                    return ch.callerIdNum;
                default:
                    break;
            }
        }
        if (name.equals("EPOCH")) {
            return Long.toString(functions.nowSeconds());
        }
        return functions.global(name);
    }

    /** {@code offset[:length]} with Asterisk's negative-offset rules. */
    static String substring(String value, String spec) {
        String[] parts = spec.split(":", 2);
        int offset;
        try {
            offset = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            return value;
        }
        int len = value.length();
        int start = offset < 0 ? Math.max(0, len + offset) : Math.min(offset, len);
        int end = len;
        if (parts.length > 1 && !parts[1].isBlank()) {
            try {
                int l = Integer.parseInt(parts[1].strip());
                end = l < 0 ? Math.max(start, len + l) : Math.min(len, start + l);
            } catch (NumberFormatException e) {
                return value.substring(start);
            }
        }
        return value.substring(start, end);
    }
}
