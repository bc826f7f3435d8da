package trunkops.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlVerb;
import trunkops.control.audit.CombinedJournal;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.RolePolicy;
import trunkops.db.AuditTable;
import trunkops.db.Database;

/**
 * What a control command (offline, online, drain, weight) needs of the audit: who runs it, whether their role allows
 * the verb (asked before anything is read or sent), and the journal to pass to the control implementation, with the
 * cluster's table when the command has a database. {@link #finish} gives the table a last chance to take the
 * entries before the process exits; what it does not take stays in the local journal for the console to copy.
 */
final class CliAudit implements AutoCloseable {

    private final RolePolicy policy;
    private final Identity who;
    private final CombinedJournal journal;

    private CliAudit(RolePolicy policy, Identity who, CombinedJournal journal) {
        this.policy = policy;
        this.who = who;
        this.journal = journal;
    }

    /**
     * The policy from {@code policyFile} (in production {@link RolePolicy#defaultFile()}), the local journal, and the
     * table on {@code db} (may be null). {@code target}: the {@code --jdbc} URL (the cluster key, see
     * {@link AuditWiring#clusterKey}), else for a single Asterisk e.g. {@code "ami:host:port"}.
     */
    static CliAudit open(Path policyFile, Path journalFile, String target, Database db) throws JournalException {
        RolePolicy policy = RolePolicy.load(policyFile);
        Identity who = Identity.currentUser(policy);
        String cluster = AuditWiring.clusterKey(target);
        LocalJournal local = LocalJournal.open(journalFile, who, Clock.systemUTC(), cluster);
        return new CliAudit(policy, who, new CombinedJournal(local,
                db == null ? null : AuditTable.open(db).forCluster(cluster), Duration.ofHours(1)));
    }

    Identity who() {
        return who;
    }

    RolePolicy policy() {
        return policy;
    }

    CombinedJournal journal() {
        return journal;
    }

    /** Empty when {@link #who()} may do {@code verb}; else the message to print (then exit 1, nothing sent). */
    Optional<String> refusal(RolePolicy.Action action) {
        RolePolicy.Decision d = policy.check(who, action);
        return d.allowed() ? Optional.empty() : Optional.of(d.message());
    }

    Optional<String> refusal(ControlVerb verb) {
        RolePolicy.Decision d = policy.check(who, verb);
        return d.allowed() ? Optional.empty() : Optional.of(d.message());
    }

    /** Waits up to {@code timeout} for the table to take what is journaled; returns how many entries still wait. */
    int finish(Duration timeout) {
        try {
            journal.syncNow().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // what was not copied stays in the local journal
        }
        return journal.waiting();
    }

    @Override
    public void close() {
        journal.close();
    }
}
