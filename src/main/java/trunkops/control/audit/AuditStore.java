package trunkops.control.audit;

import java.util.List;

import trunkops.control.ControlJournal.JournalException;

/**
 * The shared copy of the journal (TrunkOps' {@code trunkops_audit} table, in trunkops.db). {@link #upsert} is
 * idempotent by entry id: writing an entry again (a sync retried after the database came back) changes nothing,
 * writing its completion later fills the completion in. Blocking: never on the FX thread.
 */
public interface AuditStore {

    void upsert(AuditEntry entry) throws JournalException;

    /** The entries {@code query} matches, oldest first (an implementation may cap how many: the newest win). */
    List<AuditEntry> read(AuditQuery query) throws JournalException;

    /** What the account may do here, for the status line (e.g. "audit table read-only: GRANT ..."). */
    String status();
}
