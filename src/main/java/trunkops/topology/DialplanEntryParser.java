package trunkops.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a carrier's dialplan_entry the way pbx_config loads it: {@code exten => pattern,priority,App(args)},
 * numeric, {@code n}, {@code n(label)}, {@code label+N} and {@code s} priorities, {@code same => ...},
 * {@code ;} comments, CRLF. ViciDial's old {@code exten => x,2,Dial,args} form (Asterisk 1.4 and older) is read
 * as Dial and flagged, because Asterisk 1.6+ treats {@code Dial,args} as the name of an application that does not
 * exist. Dial destinations are resolved through the carrier's globals_string; what cannot be resolved is reported.
 */
public final class DialplanEntryParser {

    private DialplanEntryParser() {
    }

    /** Parses {@code row}'s dialplan_entry, resolving Dial targets with its globals_string. */
    public static DialplanEntry parse(CarrierRow row) {
        return parse(row.dialplanEntry(), GlobalsString.parse(row.globalsString()));
    }

    /** Parses {@code dialplanEntry} (null is empty), resolving Dial targets with {@code globals}. */
    public static DialplanEntry parse(String dialplanEntry, GlobalsString globals) {
        return new Run(globals).parse(dialplanEntry);
    }

    /** The state of one parse: pbx_config's last extension and last priority, and the extensions so far. */
    private static final class Run {
        final GlobalsString globals;
        final List<Ext> extensions = new ArrayList<>();
        final List<ParseWarning> warnings = new ArrayList<>();
        String lastExtension = "";
        Integer lastPriority;
        boolean inExternal = true;

        Run(GlobalsString globals) {
            this.globals = globals;
        }

        DialplanEntry parse(String text) {
            for (ConfigText.Line line : ConfigText.lines(text)) {
                if (line instanceof ConfigText.Entry e) {
                    entry(e);
                } else if (line instanceof ConfigText.Header h) {
                    warnings.add(ParseWarning.error(h.number(), "[" + h.name() + "] in dialplan_entry switches the "
                            + "context: the lines below it, and every carrier after this one in the generated file, "
                            + "leave [vicidial-auto-external] and no longer route campaign calls"));
                    inExternal = false;
                    lastExtension = "";
                    lastPriority = null;
                } else if (line instanceof ConfigText.Directive d) {
                    warnings.add(ParseWarning.warning(d.number(), "directive '" + d.text() + "' in dialplan_entry: "
                            + "what it pulls in is not visible from the database"));
                } else if (line instanceof ConfigText.Malformed m) {
                    warnings.add(ParseWarning.warning(m.number(), "'" + m.text() + "': " + m.problem()));
                }
            }
            List<DialplanExtension> out = extensions.stream().map(Ext::build).toList();
            for (DialplanExtension x : out) {
                check(x);
            }
            warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new DialplanEntry(out, warnings);
        }

        private void entry(ConfigText.Entry e) {
            String key = e.key().toLowerCase(Locale.ROOT);
            switch (key) {
                case "exten" -> {
                    List<String> parts = splitFirst(e.value());
                    lastExtension = parts.get(0).strip();
                    extension(lastExtension, parts.get(1), e.number());
                }
                case "same" -> {
                    if (lastExtension.isEmpty()) {
                        warnings.add(ParseWarning.warning(e.number(), "'same =>' with no 'exten =>' before it in "
                                + "this carrier: Asterisk applies it to whatever extension precedes it in the "
                                + "generated file, or rejects it"));
                    } else {
                        extension(lastExtension, e.value(), e.number());
                    }
                }
                case "include" -> warnings.add(ParseWarning.warning(e.number(), "include => " + e.value()
                        + " adds context '" + e.value() + "' to [vicidial-auto-external]; its extensions are not "
                        + "visible from the database"));
                case "switch", "lswitch", "eswitch", "ignorepat" -> warnings.add(ParseWarning.info(e.number(),
                        key + " => " + e.value() + " is not followed by topology"));
                default -> warnings.add(ParseWarning.warning(e.number(), "'" + e.key() + "' is not a dialplan "
                        + "statement (exten, same, include): Asterisk ignores the line"));
            }
        }

        /** One {@code exten}/{@code same} line: {@code rest} is {@code priority,application}. */
        private void extension(String realExt, String rest, int line) {
            if (realExt.isEmpty()) {
                warnings.add(ParseWarning.warning(line, "extension name is empty: Asterisk ignores the line"));
                return;
            }
            int slash = realExt.indexOf('/');
            String name = slash >= 0 ? realExt.substring(0, slash) : realExt;
            String cid = slash >= 0 ? realExt.substring(slash + 1) : "";
            int comma = rest.indexOf(',');
            String pri = (comma >= 0 ? rest.substring(0, comma) : rest).strip();
            String appl = comma >= 0 ? rest.substring(comma + 1) : "";
            String label = "";
            int open = pri.indexOf('(');
            if (open >= 0) {
                int close = pri.indexOf(')', open);
                if (close < 0) {
                    warnings.add(ParseWarning.warning(line, "label missing its ')': Asterisk ignores the line"));
                    return;
                }
                label = pri.substring(open + 1, close);
                pri = pri.substring(0, open) + pri.substring(close + 1);
            }
            int offset = 0;
            int plus = pri.indexOf('+');
            if (plus >= 0) {
                offset = ChanSipPeers.parseInt(pri.substring(plus + 1)).orElse(0);
                pri = pri.substring(0, plus).strip();
            }
            if (pri.equals("hint")) {
                return;
            }
            Ext ext = find(DialPattern.of(name), cid);
            Integer priority = priority(pri, ext, line);
            if (priority == null) {
                return;
            }
            priority += offset;
            lastPriority = priority;
            if (!inExternal) {
                return;
            }
            if (name.equals("_.") || name.equals("_!")) {
                warnings.add(ParseWarning.warning(line, "'" + name + "' also matches h, i, t and every other "
                        + "extension in the context; Asterisk warns against it (use _X" + name.charAt(1) + ")"));
            }
            addStep(ext == null ? create(DialPattern.of(name), cid) : ext, priority, label, appl, line);
        }

        private Integer priority(String pri, Ext ext, int line) {
            if (pri.equals("n") || pri.equals("next") || pri.equals("s") || pri.equals("same")) {
                if (lastPriority == null) {
                    warnings.add(ParseWarning.warning(line, "priority '" + pri + "' on the first line: in the "
                            + "generated file it continues from the previous carrier's last line, so its number "
                            + "cannot be known here; the line is left out"));
                    return null;
                }
                return pri.startsWith("n") ? lastPriority + 1 : lastPriority;
            }
            var number = ChanSipPeers.parseInt(pri);
            if (number.isPresent()) {
                if (number.getAsInt() < 1) {
                    warnings.add(ParseWarning.warning(line, "invalid priority '" + pri + "': Asterisk ignores the line"));
                    return null;
                }
                return number.getAsInt();
            }
            Optional<DialplanStep> labelled = ext == null ? Optional.empty()
                    : ext.steps.stream().filter(s -> s.label().equals(pri)).findFirst();
            if (labelled.isEmpty()) {
                warnings.add(ParseWarning.warning(line, "invalid priority/label '" + pri + "': Asterisk ignores the line"));
                return null;
            }
            return labelled.get().priority();
        }

        private void addStep(Ext ext, int priority, String label, String appl, int line) {
            if (ext.steps.stream().anyMatch(s -> s.priority() == priority)) {
                warnings.add(ParseWarning.warning(line, ext.pattern + " priority " + priority + " is already in use:"
                        + " Asterisk keeps the first and drops this line"));
                return;
            }
            String[] app = application(appl, line);
            boolean old = app[2] != null;
            List<DialTarget> targets = app[0].equalsIgnoreCase("Dial")
                    ? DialTargets.ofDialArgs(app[1], old, globals) : List.of();
            ext.steps.add(new DialplanStep(priority, label, app[0], app[1], line, old, targets));
        }

        /** {app, args, oldSyntaxMarker-or-null} following pbx_config's rules, plus the 1.4 comma form. */
        private String[] application(String appl, int line) {
            String a = appl.stripLeading();
            int paren = a.indexOf('(');
            int comma = a.indexOf(',');
            if (comma >= 0 && (paren < 0 || comma < paren) && !a.substring(0, comma).contains("$")) {
                String app = a.substring(0, comma).strip();
                warnings.add(ParseWarning.warning(line, "'" + app + ",...' is the Asterisk 1.4 syntax: Asterisk "
                        + "1.6 and later look for an application named '" + a + "' and the call fails here; "
                        + "write " + app + "(...)"));
                return new String[] {app, a.substring(comma + 1), "old"};
            }
            if (paren < 0) {
                return new String[] {a.strip(), "", null};
            }
            String app = a.substring(0, paren);
            if (app.contains("${") || app.contains("$[")) {
                return new String[] {a.strip(), "", null};
            }
            String data = a.substring(paren + 1);
            int close = data.lastIndexOf(')');
            if (close >= 0) {
                data = data.substring(0, close);
            } else {
                warnings.add(ParseWarning.warning(line, "no closing parenthesis in '" + a.strip() + "'"));
            }
            return new String[] {app.strip(), data, null};
        }

        private void check(DialplanExtension x) {
            int line = x.steps().isEmpty() ? 0 : x.steps().get(0).line();
            if (!x.callerIdMatch().isEmpty()) {
                warnings.add(ParseWarning.info(line, x.pattern() + "/" + x.callerIdMatch() + " matches only that "
                        + "caller ID; campaign calls (caller ID = ViciDial call code) do not use it"));
            }
            if (x.pattern().isPattern() && !x.callLogAgiFirst()) {
                warnings.add(ParseWarning.warning(line, x.pattern() + ": priority 1 is not the call_log AGI "
                        + "(AGI(agi://127.0.0.1:4577/call_log)); ViciDial's call_log and carrier log miss these calls"));
            }
            for (DialplanStep s : x.steps()) {
                for (DialTarget t : s.dialTargets()) {
                    if (!t.resolved()) {
                        warnings.add(ParseWarning.warning(s.line(), x.pattern() + " priority " + s.priority()
                                + " dials '" + t.raw() + "', which cannot be resolved: " + t.problem()));
                    }
                }
            }
        }

        private Ext find(DialPattern pattern, String cid) {
            return extensions.stream().filter(x -> x.cid.equals(cid) && x.pattern.sameExtensionAs(pattern))
                    .findFirst().orElse(null);
        }

        private Ext create(DialPattern pattern, String cid) {
            Ext x = new Ext(pattern, cid);
            extensions.add(x);
            return x;
        }
    }

    /** pbx_strsep on {@code ,}: the extension name may hold commas inside {@code [...]}; {name, rest}. */
    static List<String> splitFirst(String value) {
        int square = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '[') {
                square++;
            } else if (c == ']' && square > 0) {
                square--;
            } else if (c == '\\') {
                i++;
            } else if (c == ',' && square == 0) {
                return List.of(value.substring(0, i), value.substring(i + 1));
            }
        }
        return List.of(value, "");
    }

    private static final class Ext {
        final DialPattern pattern;
        final String cid;
        final List<DialplanStep> steps = new ArrayList<>();

        Ext(DialPattern pattern, String cid) {
            this.pattern = pattern;
            this.cid = cid;
        }

        DialplanExtension build() {
            return new DialplanExtension(pattern, cid, steps);
        }
    }
}
