package trunkops.ami;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's privilege check ({@link PrivilegeCheck} on Asterisk's ListCommands answer): the warning is said once
 * per gateway, and a ListCommands that timed out (a busy dialer) is asked again with the next latency poll; a
 * refusal is final. Gateway thread only.
 */
final class PrivilegeWatch {

    private static final Logger LOG = LoggerFactory.getLogger(AmiGateway.class);

    private final AmiTarget target;
    private final AmiGatewayListener listener;
    private final int timeoutMs;
    private String warning;
    private boolean unchecked;

    PrivilegeWatch(AmiTarget target, AmiGatewayListener listener, int timeoutMs) {
        this.target = target;
        this.listener = listener;
        this.timeoutMs = timeoutMs;
    }

    /** After a login: asks ListCommands and warns when the login may do more than the console needs. */
    void check(ManagerConnection c) {
        unchecked = false;
        try {
            Map<String, Set<String>> actions = AmiLists.commands(c, timeoutMs);
            if (actions == null) {
                LOG.info("AMI {}: ListCommands refused, privileges not checked", target);
                return;
            }
            String w = PrivilegeCheck.warning(target.serverId(), target.username(), actions);
            if (w != null && !w.equals(warning)) {
                LOG.warn("{}", w);
                listener.gatewayProblem(target.serverId(), w);
            }
            warning = w;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            // a busy dialer (or a link about to drop): asked again with the next latency poll on this connection
            unchecked = e instanceof TimeoutException;
            LOG.info("AMI {}: ListCommands failed, privileges not checked{}: {}", target, unchecked ? " yet" : "",
                    AmiLists.describe(e));
        }
    }

    /** At a latency poll: the check again when the last one timed out. */
    void retry(ManagerConnection c) {
        if (unchecked) {
            check(c);
        }
    }
}
