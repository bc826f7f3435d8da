package trunkops.routing;

import java.util.Objects;

/**
 * One thing the dialplan linter found in a carrier's text.
 *
 * @param line 1-based line in the text it was given (0: about the whole text or the carrier row)
 * @param rule a stable short id ({@code macro}, {@code exten-in-gosub}, {@code no-dial-timeout}, ...) for tests,
 *             filters and documentation
 * @param why  what goes wrong in a real Asterisk, one or two sentences
 * @param fix  what to write instead
 */
public record LintFinding(Severity severity, int line, String rule, String why, String fix) {

    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    public LintFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(fix, "fix");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form {@code route lint} prints: {@code 12: error [macro] why -- fix}. */
    public String oneLine() {
        return line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + rule + "] " + why
                + " -- " + fix;
    }
}
