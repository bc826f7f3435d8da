package trunkops.lab.pbx;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs channels through the dialplan: finds each priority, substitutes its data, publishes Newexten, runs the
 * application and follows its result. Blocking applications (Dial, Wait) suspend the channel and resume it
 * from a timer or a call event. When a channel leaves the dialplan for good, its {@code h} extension runs.
 */
final class DialplanRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DialplanRunner.class);
    private static final int MAX_STEPS_PER_TASK = 500;

    private final Pbx pbx;
    final Apps apps;

    DialplanRunner(Pbx pbx) {
        this.pbx = pbx;
        this.apps = new Apps(pbx, this);
    }

    Dialplan dialplan() {
        return pbx.modules.dialplan();
    }

    String expand(Channel ch, String data) {
        return pbx.modules.substitution().expand(ch, data);
    }

    /** Starts the channel's PBX at the given position (runs synchronously until the first blocking app). */
    void start(Channel ch, String context, String exten, int priority) {
        ch.context = context;
        ch.exten = exten;
        ch.priority = priority;
        ch.inPbx = true;
        run(ch);
    }

    /** Continues after a blocking application finished. */
    void resumeNext(Channel ch) {
        if (ch.hungUp) {
            return;
        }
        ch.priority++;
        run(ch);
    }

    void resumeAt(Channel ch, AppResult jump) {
        if (ch.hungUp) {
            return;
        }
        if (applyJump(ch, jump)) {
            run(ch);
        }
    }

    void run(Channel ch) {
        for (int steps = 0; steps < MAX_STEPS_PER_TASK; steps++) {
            if (ch.hungUp) {
                return;
            }
            if (ch.hangupRequested) {
                pbx.channels.hangup(ch, ch.hangupCause);
                return;
            }
            Dialplan.Match m = dialplan().find(ch.context, ch.exten, ch.priority);
            if (m == null) {
                fallOff(ch);
                return;
            }
            Dialplan.Priority p = m.extension().priorities().get(ch.priority);
            String data = expand(ch, p.data());
            ch.application = p.app();
            ch.appData = data;
            pbx.events.newexten(ch, ch.exten, p.app(), data);
            AppResult r = apps.run(ch, p.app(), data);
            switch (r.kind()) {
                case NEXT -> ch.priority++;
                case GOTO -> {
                    if (!applyJump(ch, r)) {
                        return;
                    }
                }
                case SUSPEND -> {
                    return;
                }
                case HANGUP -> {
                    pbx.channels.hangup(ch, ch.hangupCause);
                    return;
                }
                default -> throw new IllegalStateException(r.kind().toString());
            }
        }
        pbx.execute(() -> run(ch));
    }

    private boolean applyJump(Channel ch, AppResult r) {
        Dialplan.Match target = dialplan().find(r.context(), r.exten(), -1);
        if (target == null) {
            LOG.warn("{}: Goto target {},{},{} does not exist", ch.name, r.context(), r.exten(), r.priority());
            pbx.channels.hangup(ch, HangupCauses.NORMAL_CLEARING);
            return false;
        }
        int prio = Dialplan.resolvePriority(target.extension(), r.priority());
        if (prio < 1) {
            LOG.warn("{}: Priority '{}' must be a number > 0, or valid label", ch.name, r.priority());
            pbx.channels.hangup(ch, HangupCauses.NORMAL_CLEARING);
            return false;
        }
        ch.context = r.context();
        ch.exten = r.exten();
        ch.priority = prio;
        return true;
    }

    /** No such priority: invalid extension at priority 1, else autofallthrough ends the call. */
    private void fallOff(Channel ch) {
        if (ch.priority == 1 || dialplan().find(ch.context, ch.exten, -1) == null) {
            if (dialplan().find(ch.context, "i", 1) != null && !"i".equals(ch.exten)) {
                pbx.channels.setVar(ch, "INVALID_EXTEN", ch.exten);
                ch.exten = "i";
                ch.priority = 1;
                run(ch);
                return;
            }
            LOG.debug("Channel '{}' sent to invalid extension: context,exten,priority={},{},{}", ch.name,
                    ch.context, ch.exten, ch.priority);
        }
        int cause = ch.hangupCause != 0 ? ch.hangupCause : HangupCauses.NORMAL_CLEARING;
        pbx.channels.hangup(ch, cause);
    }

    /**
     * Runs the {@code h} extension of the channel's context, if there is one, with the channel's variables as
     * they are at hangup (DIALSTATUS, HANGUPCAUSE). Only non-blocking applications run, as in Asterisk.
     */
    void runHangupExtension(Channel ch) {
        Dialplan.Match m = dialplan().find(ch.context, "h", 1);
        if (m == null) {
            return;
        }
        ch.exten = "h";
        for (Dialplan.Priority p : m.extension().priorities().values()) {
            ch.priority = p.number();
            String data = expand(ch, p.data());
            pbx.events.newexten(ch, "h", p.app(), data);
            String app = p.app().toLowerCase(Locale.ROOT);
            if (app.equals("hangup")) {
                break;
            }
            if (app.equals("dial") || app.equals("wait")) {
                continue;
            }
            apps.run(ch, p.app(), data);
        }
    }
}
