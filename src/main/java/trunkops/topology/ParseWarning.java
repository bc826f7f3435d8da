package trunkops.topology;

import java.util.Objects;

/**
 * Something in a carrier's text that Asterisk or ViciDial will not treat the way it reads. Never fatal: the
 * parsers keep going and report.
 *
 * @param severity how much it matters
 * @param line     1-based line in the parsed text (after template contents were appended), or 0 if not tied
 *                 to one line
 * @param message  what is wrong, where, and what Asterisk does with it
 */
public record ParseWarning(Severity severity, int line, String message) {

    public enum Severity {
        /** Worth knowing; behaviour is as written (e.g. a deprecated spelling). */
        INFO,
        /** Asterisk ignores or reinterprets this; the config does not do what it says. */
        WARNING,
        /** Asterisk drops the object, the line or the whole file. */
        ERROR
    }

    public ParseWarning {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    static ParseWarning info(int line, String message) {
        return new ParseWarning(Severity.INFO, line, message);
    }

    static ParseWarning warning(int line, String message) {
        return new ParseWarning(Severity.WARNING, line, message);
    }

    static ParseWarning error(int line, String message) {
        return new ParseWarning(Severity.ERROR, line, message);
    }

    @Override
    public String toString() {
        return severity + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
