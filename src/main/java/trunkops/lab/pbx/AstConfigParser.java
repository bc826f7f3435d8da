package trunkops.lab.pbx;

import java.util.Optional;

/**
 * Asterisk's config.c text format: {@code [category]} headers (with optional {@code (!)} / {@code (template)}
 * options), {@code key = value} and {@code key => value} lines, {@code ;} comments and {@code ;-- --;} blocks,
 * {@code #include} / {@code #tryinclude}. Error handling follows config.c: a parse error makes the file invalid
 * and what it added before the error stays; a parse error inside an included file does not fail the includer
 * (config.c treats the nested FILEINVALID result as success); a missing {@code #include} file fails the includer,
 * a missing {@code #tryinclude} file is skipped.
 */
public final class AstConfigParser {

    /** Thrown when the top-level file is invalid; the caller keeps its previous configuration. */
    public static final class InvalidConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(String message) {
            super(message);
        }
    }

    private final ConfigFiles files;

    public AstConfigParser(ConfigFiles files) {
        this.files = files;
    }

    /** Loads {@code fileName} with its includes. Missing top-level file or a parse error there: exception. */
    public AstConfig load(String fileName) throws InvalidConfigException {
        AstConfig cfg = new AstConfig();
        Status st = loadFile(cfg, fileName, new AstConfig.Category[1], 0);
        if (st == Status.MISSING) {
            throw new InvalidConfigException("Unable to open " + fileName);
        }
        if (st == Status.INVALID) {
            throw new InvalidConfigException("Contents of " + fileName + " are invalid and cannot be parsed");
        }
        return cfg;
    }

    private enum Status { OK, MISSING, INVALID }

    private Status loadFile(AstConfig cfg, String fileName, AstConfig.Category[] current, int depth) {
        Optional<String> text = files.read(fileName);
        if (text.isEmpty()) {
            return Status.MISSING;
        }
        if (depth > 10) {
            cfg.warn("Maximum Include level (10) exceeded");
            return Status.INVALID;
        }
        String[] lines = text.get().split("\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            StringBuilder kept = new StringBuilder();
            inBlockComment = stripComments(raw, inBlockComment, kept);
            String line = kept.toString().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!processLine(cfg, current, line, fileName, lineNo, depth)) {
                return Status.INVALID;
            }
        }
        return Status.OK;
    }

    /** Removes {@code ;} comments (not {@code \;}) and {@code ;-- ... --;} blocks; returns the block state. */
    private static boolean stripComments(String raw, boolean inBlock, StringBuilder out) {
        int i = 0;
        while (i < raw.length()) {
            if (inBlock) {
                int end = raw.indexOf("--;", i);
                if (end < 0) {
                    return true;
                }
                i = end + 3;
                inBlock = false;
                continue;
            }
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ';') {
                out.append(';');
                i += 2;
                continue;
            }
            if (c == ';') {
                if (raw.startsWith(";--", i)) {
                    inBlock = true;
                    i += 3;
                    continue;
                }
                return false;
            }
            out.append(c);
            i++;
        }
        return inBlock;
    }

    private boolean processLine(AstConfig cfg, AstConfig.Category[] current, String line, String file, int lineNo,
                                int depth) {
        if (line.charAt(0) == '[') {
            int close = line.indexOf(']');
            if (close < 0) {
                cfg.warn("parse error: no closing ']', line " + lineNo + " of " + file);
                return false;
            }
            current[0] = cfg.addCategory(line.substring(1, close).strip(), file, lineNo);
            return true;
        }
        if (line.charAt(0) == '#') {
            return directive(cfg, current, line, file, lineNo, depth);
        }
        if (current[0] == null) {
            cfg.warn("parse error: No category context for line " + lineNo + " of " + file);
            return false;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            cfg.warn("No '=' (equal sign) in line " + lineNo + " of " + file);
            return true;
        }
        boolean object = eq + 1 < line.length() && line.charAt(eq + 1) == '>';
        String name = line.substring(0, eq).strip();
        String value = line.substring(eq + (object ? 2 : 1)).strip();
        current[0].vars().add(new AstConfig.Var(name, value, object, file, lineNo));
        return true;
    }

    private boolean directive(AstConfig cfg, AstConfig.Category[] current, String line, String file, int lineNo,
                              int depth) {
        String[] parts = line.substring(1).split("\\s+", 2);
        String cmd = parts[0].toLowerCase(java.util.Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        if (arg.length() > 1 && (arg.startsWith("\"") && arg.endsWith("\"")
                || arg.startsWith("<") && arg.endsWith(">"))) {
            arg = arg.substring(1, arg.length() - 1);
        }
        switch (cmd) {
            case "include", "tryinclude" -> {
                if (arg.isEmpty()) {
                    cfg.warn("Directive '#" + cmd + "' needs an argument (filename) at line " + lineNo + " of "
                            + file);
                    return true;
                }
                // the included file starts inside the includer's category; the includer's own notion of its
                // current category is not changed by what the included file opened (config.c)
                Status st = loadFile(cfg, arg, new AstConfig.Category[] {current[0]}, depth + 1);
                if (st == Status.MISSING && cmd.equals("include")) {
                    cfg.warn("The file '" + arg + "' was listed as a #include but it does not exist.");
                    return false;
                }
                return true;
            }
            case "exec" -> {
                cfg.warn("#exec is not simulated in the lab (line " + lineNo + " of " + file + ")");
                return true;
            }
            default -> {
                cfg.warn("Unknown directive '#" + cmd + "' at line " + lineNo + " of " + file);
                return true;
            }
        }
    }
}
