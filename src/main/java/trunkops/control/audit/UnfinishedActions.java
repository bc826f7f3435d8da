package trunkops.control.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import trunkops.control.AdminFlag;
import trunkops.control.AstDbLink;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlResult;
import trunkops.control.DialerOutcome;

/**
 * What the console does at start with the actions a previous run began and never completed (killed between the
 * journal and the result): read each one's key again on its dialers, say in one line per action what they hold now,
 * and complete the entry with that, so it is reported once and the audit shows how it ended. FX-free; the reading is
 * the caller's (AMI {@code DBGet}, trunkops.ami), given as a {@link Reader}.
 */
public final class UnfinishedActions {

    /** Reads what each dialer holds now for an entry's key: server id to the value, empty = no key; absent = no answer. */
    @FunctionalInterface
    public interface Reader {
        Map<String, Optional<String>> readNow(AuditEntry entry);
    }

    private UnfinishedActions() {
    }

    /**
     * The reader on the dialers' ASTDB links (server id to link, e.g. the control core's AMI links): each entry's
     * key read on each of its dialers (every linked dialer when it named none), one after the other, each with the
     * link's own timeout; a dialer without a link or an answer is absent.
     */
    public static Reader on(Map<String, AstDbLink> links) {
        return e -> {
            String key = AstDbTrunkControl.write(e.request()).key();
            Map<String, Optional<String>> now = new java.util.TreeMap<>();
            for (String server : e.dialers().isEmpty() ? links.keySet() : e.dialers()) {
                AstDbLink link = links.get(server);
                if (link == null) {
                    continue;
                }
                try {
                    now.put(server, link.get(AdminFlag.FAMILY, key));
                } catch (AstDbLink.AstDbException ex) {
                    // absent: reported as not answering
                }
            }
            return now;
        };
    }

    /** One report line per unfinished entry of {@code journal}, each entry completed with what was read. */
    public static List<String> resolve(CombinedJournal journal, Reader reader) throws JournalException {
        return resolve(journal.unfinishedEntries(), journal, reader);
    }

    public static List<String> resolve(List<AuditEntry> unfinished, ControlJournal journal, Reader reader)
            throws JournalException {
        List<String> lines = new ArrayList<>();
        for (AuditEntry e : unfinished) {
            if (e.verb() == trunkops.control.ControlVerb.ALERT_SILENCE) { // kept only after its completion: not made
                List<DialerOutcome> none = List.of(new DialerOutcome("console", DialerOutcome.Status.FAILED,
                        "the console stopped before the silence was kept: no silence"));
                journal.complete(e.id(), new ControlResult(e.request(), none, Duration.ZERO));
                lines.add(line(e, none));
                continue;
            }
            if (AuditEntry.lever(e.verb())) { // a ViciDial table change: nothing on the dialers to read again
                List<DialerOutcome> unknown = List.of(new DialerOutcome("vicidial", DialerOutcome.Status.FAILED,
                        "after a restart: not known whether it was made; see vicidial_admin_log for "
                                + e.route().orElse("") + " " + e.peer()));
                journal.complete(e.id(), new ControlResult(e.request(), unknown, Duration.ZERO));
                lines.add(line(e, unknown));
                continue;
            }
            Map<String, Optional<String>> now = reader.readNow(e);
            String target = AuditEntry.target(e.request());
            List<DialerOutcome> outcomes = new ArrayList<>();
            List<String> dialers = e.dialers().isEmpty() ? List.copyOf(new java.util.TreeSet<>(now.keySet()))
                    : e.dialers();
            for (String server : dialers) {
                Optional<String> v = now.getOrDefault(server, null);
                if (v == null) {
                    outcomes.add(new DialerOutcome(server, DialerOutcome.Status.UNREACHABLE,
                            "after a restart: no answer when read again"));
                } else if (v.orElse("").equals(target)) {
                    outcomes.add(new DialerOutcome(server, DialerOutcome.Status.APPLIED,
                            "after a restart: reads " + shown(v.orElse(""))));
                } else {
                    outcomes.add(new DialerOutcome(server, DialerOutcome.Status.FAILED,
                            "after a restart: reads " + shown(v.orElse("")) + ", not " + shown(target)));
                }
            }
            journal.complete(e.id(), new ControlResult(e.request(), outcomes, Duration.ZERO));
            lines.add(line(e, outcomes));
        }
        return lines;
    }

    private static String shown(String v) {
        return v.isEmpty() ? "no key" : v;
    }

    /** {@code ⚠ unfinished: 2026-12-05T07:31:02Z alice@noc-3 OFFLINE SIP/blueline — dial1 applied, dial2 ...}. */
    static String line(AuditEntry e, List<DialerOutcome> outcomes) {
        StringBuilder b = new StringBuilder("\u26A0 unfinished action: ").append(e.started()).append(' ')
                .append(e.actor()).append(' ').append(e.verb()).append(' ').append(e.trunk())
                .append(" (reason \"").append(e.reason()).append("\") was begun and never completed; now: ");
        if (outcomes.isEmpty()) {
            b.append("no dialer could be read");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            DialerOutcome o = outcomes.get(i);
            b.append(i == 0 ? "" : ", ").append(o.serverId()).append(' ')
                    .append(o.applied() ? "applied" : o.status() == DialerOutcome.Status.UNREACHABLE ? "unreachable"
                            : "not applied").append(" (").append(o.detail().replace("after a restart: ", ""))
                    .append(')');
        }
        return b.toString();
    }
}
