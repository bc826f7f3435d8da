package trunkops.topology;

import java.util.List;
import java.util.Objects;

/**
 * One priority of an extension.
 *
 * @param priority    the number Asterisk gives it ({@code n} resolved)
 * @param label       the {@code (label)} of the priority, {@code ""} if none
 * @param app         the application name, e.g. {@code Dial}, {@code AGI}, {@code Hangup}
 * @param args        the application data, e.g. {@code ${SIPTRUNK}/${EXTEN:2},,To}
 * @param line        1-based line in the dialplan_entry
 * @param oldSyntax   written in the Asterisk 1.4 form {@code App,args}, which Asterisk 1.6 and later do not accept
 * @param dialTargets the destinations when the application is Dial, otherwise empty
 */
public record DialplanStep(int priority, String label, String app, String args, int line, boolean oldSyntax,
                           List<DialTarget> dialTargets) {

    public DialplanStep {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(args, "args");
        dialTargets = List.copyOf(dialTargets);
    }

    public boolean isDial() {
        return app.equalsIgnoreCase("Dial");
    }

    /** ViciDial's required first step: {@code AGI(agi://127.0.0.1:4577/call_log)}. */
    public boolean isCallLogAgi() {
        return app.equalsIgnoreCase("AGI") && args.contains("call_log");
    }
}
