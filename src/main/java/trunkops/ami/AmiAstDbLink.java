package trunkops.ami;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.DbDelAction;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.actions.DbGetCompleteEvent;
import trunkops.control.AstDbLink;

/**
 * A dialer's ASTDB over AMI ({@code DBGet}, {@code DBPut}, {@code DBDel}), on a manager connection of its own
 * (the operator's change link, separate from the monitoring gateway, so an action never queues behind a big
 * SIPpeers list). Logged in with events off, on first use and again after any failure; every call waits at most
 * {@code timeoutMs} on the caller's thread (never on asterisk-java's). DBGet completes on its
 * {@code DBGetResponse} item; a miss is the error "Database entry not found". DBPut/DBDel need write class
 * {@code system}, DBGet {@code system} or {@code reporting}.
 */
public final class AmiAstDbLink implements AstDbLink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiAstDbLink.class);
    private static final String NOT_FOUND = "Database entry not found";

    private final AmiTarget target;
    private final Supplier<char[]> secret;
    private final int timeoutMs;
    private BoundedManagerConnection connection;
    private boolean closed;

    public AmiAstDbLink(AmiTarget target, Supplier<char[]> secret, int timeoutMs) {
        this.target = target;
        this.secret = secret;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String serverId() {
        return target.serverId();
    }

    @Override
    public Optional<String> get(String family, String key) throws AstDbException {
        BoundedManagerConnection c = connected();
        try {
            ResponseEvents r = c.sendEventGeneratingAction(new DbGetAction(family, key), timeoutMs);
            ManagerResponse response = r.getResponse();
            if (response instanceof ManagerError err) {
                if (NOT_FOUND.equalsIgnoreCase(String.valueOf(err.getMessage()).strip())) {
                    return Optional.empty();
                }
                throw AstDbException.refused("DBGet refused: " + err.getMessage() + hint(err));
            }
            for (ResponseEvent e : r.getEvents()) {
                if (e instanceof DbGetResponseEvent v) {
                    return Optional.of(v.getVal() == null ? "" : v.getVal());
                }
            }
            throw AstDbException.refused("DBGet answered without a value");
        } catch (IOException | EventTimeoutException | IllegalStateException e) {
            throw lost(c, "DBGet", e);
        }
    }

    @Override
    public void put(String family, String key, String value) throws AstDbException {
        ManagerResponse r = send(new DbPutAction(family, key, value), "DBPut");
        if (r instanceof ManagerError err) {
            throw AstDbException.refused("DBPut refused: " + err.getMessage() + hint(err));
        }
    }

    @Override
    public boolean delete(String family, String key) throws AstDbException {
        ManagerResponse r = send(new DbDelAction(family, key), "DBDel");
        if (r instanceof ManagerError err) {
            // db.c answers a miss with "Database entry could not be deleted" (the key is absent: nothing to do)
            if (String.valueOf(err.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("could not be deleted")) {
                return false;
            }
            throw AstDbException.refused("DBDel refused: " + err.getMessage() + hint(err));
        }
        return true;
    }

    private ManagerResponse send(org.asteriskjava.manager.action.ManagerAction action, String name)
            throws AstDbException {
        BoundedManagerConnection c = connected();
        try {
            ManagerResponse r = c.sendAction(action, timeoutMs);
            if (r == null) {
                throw lost(c, name, new TimeoutException("no answer"));
            }
            return r;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw lost(c, name, e);
        }
    }

    private static String hint(ManagerError err) {
        return String.valueOf(err.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("permission denied")
                ? " (the AMI user needs write class 'system' in manager.conf)" : "";
    }

    /** The logged-in connection, (re)connecting when there is none. */
    private synchronized BoundedManagerConnection connected() throws AstDbException {
        if (closed) {
            throw AstDbException.unreachable(target.serverId() + ": control link closed", null);
        }
        BoundedManagerConnection c = connection;
        if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
            return c;
        }
        drop(c);
        char[] pw = secret.get();
        c = new BoundedManagerConnection(target, pw, WireLimits.defaults(),
                why -> LOG.info("AMI {}: dropped a {}", target, why));
        java.util.Arrays.fill(pw, '\0');
        c.setSocketTimeout(timeoutMs);
        c.setSocketReadTimeout(0); // an idle change link is fine; each action has its own timeout
        c.setDefaultResponseTimeout(timeoutMs);
        c.setKeepAliveAfterAuthenticationFailure(false);
        c.registerUserEventClass(DbGetCompleteEvent.class);
        try {
            c.login("off");
        } catch (AuthenticationFailedException e) {
            AmiLists.quietLogoff(c);
            throw AstDbException.refused("login refused for AMI user '" + target.username() + "'");
        } catch (IOException | TimeoutException | IllegalStateException e) {
            AmiLists.quietLogoff(c);
            throw AstDbException.unreachable(AmiLists.describe(e), e);
        }
        connection = c;
        return c;
    }

    private synchronized AstDbException lost(BoundedManagerConnection c, String action, Exception e) {
        if (connection == c) {
            connection = null;
        }
        drop(c);
        return AstDbException.unreachable(action + ": " + AmiLists.describe(e), e);
    }

    private static void drop(BoundedManagerConnection c) {
        if (c != null) {
            AmiLists.quietLogoff(c);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop(connection);
        connection = null;
    }
}
