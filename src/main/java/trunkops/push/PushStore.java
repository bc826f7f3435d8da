package trunkops.push;

import java.util.List;
import java.util.Optional;

/**
 * ViciDial's rows a push reads and writes (the implementation lives in {@code trunkops.db}). Every call blocks on
 * the database; failures are {@link PushException}s.
 */
public interface PushStore {

    /** An active Asterisk server that generates ViciDial's conf files. */
    record Dialer(String serverId, String serverIp) {
    }

    List<Dialer> dialers() throws PushException;

    Optional<RouterRow> read(String carrierId) throws PushException;

    /**
     * Compare-and-set: writes {@code next} (empty: deletes the row) only while the row is still {@code expected}
     * (empty: no row), with a {@code vicidial_admin_log} row saying {@code note}. A different row is a
     * {@link PushException.Conflict}.
     */
    void write(Optional<RouterRow> expected, Optional<RouterRow> next, String actor, String note)
            throws PushException;

    /** Sets {@code rebuild_conf_files='Y'} on these servers. */
    void requestRebuild(List<String> serverIps) throws PushException;

    /** True while the server's {@code rebuild_conf_files} is still 'Y'. */
    boolean rebuildPending(String serverIp) throws PushException;
}
