package trunkops.ami;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.SipShowPeerAction;
import org.asteriskjava.manager.event.ListDialplanEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import trunkops.ami.actions.ShowDialPlanContextAction;
import trunkops.push.DialplanReader;
import trunkops.push.PushException;

/**
 * The push's read-back: {@code ShowDialPlan} of one context on each dialer, over a manager connection per dialer
 * (events off, logged in on first use and again after a failure); each call waits at most {@code timeoutMs} on
 * the caller's thread. Needs read class {@code config} or {@code reporting}.
 */
public final class AmiDialplanReader implements DialplanReader {

    private final Map<String, AmiTarget> targets = new HashMap<>();
    private final Function<AmiTarget, Supplier<char[]>> secrets;
    private final int timeoutMs;
    private final Map<String, BoundedManagerConnection> connections = new HashMap<>();

    public AmiDialplanReader(List<AmiTarget> targets, Function<AmiTarget, Supplier<char[]>> secrets, int timeoutMs) {
        targets.forEach(t -> this.targets.put(t.serverId(), t));
        this.secrets = secrets;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public List<Priority> show(String serverId, String context) throws PushException {
        BoundedManagerConnection c = connected(serverId);
        try {
            ResponseEvents r = c.sendEventGeneratingAction(new ShowDialPlanContextAction(context), timeoutMs);
            if (r.getResponse() instanceof ManagerError err) {
                if (String.valueOf(err.getMessage()).contains("Did not find context")) {
                    return List.of();
                }
                throw new PushException(serverId + ": ShowDialPlan refused: " + err.getMessage());
            }
            List<Priority> out = new ArrayList<>();
            for (ResponseEvent e : r.getEvents()) {
                if (e instanceof ListDialplanEvent d && d.getExtension() != null && d.getPriority() != null
                        && context.equals(d.getContext())) {
                    out.add(new Priority(d.getExtension(), d.getPriority(), d.getApplication(), d.getAppData()));
                }
            }
            return out;
        } catch (IOException | EventTimeoutException | IllegalStateException e) {
            drop(serverId);
            throw new PushException(serverId + ": ShowDialPlan: " + AmiLists.describe(e), e);
        }
    }

    @Override
    public Optional<Map<String, String>> showPeer(String serverId, String peer) throws PushException {
        BoundedManagerConnection c = connected(serverId);
        try {
            ManagerResponse r = c.sendAction(new SipShowPeerAction(peer), timeoutMs);
            if (r instanceof ManagerError err) {
                if (String.valueOf(err.getMessage()).contains("not found")) {
                    return Optional.empty();
                }
                throw new PushException(serverId + ": SIPshowpeer refused: " + err.getMessage());
            }
            Map<String, String> out = new HashMap<>();
            if (r.getAttributes() != null) {
                r.getAttributes().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), String.valueOf(v).strip()));
            }
            return Optional.of(out);
        } catch (IOException | TimeoutException | IllegalStateException e) {
            drop(serverId);
            throw new PushException(serverId + ": SIPshowpeer: " + AmiLists.describe(e), e);
        }
    }

    private synchronized BoundedManagerConnection connected(String serverId) throws PushException {
        BoundedManagerConnection c = connections.get(serverId);
        if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
            return c;
        }
        drop(serverId);
        AmiTarget t = targets.get(serverId);
        if (t == null) {
            throw new PushException("no AMI address for " + serverId);
        }
        char[] pw = secrets.apply(t).get();
        c = new BoundedManagerConnection(t, pw, WireLimits.defaults(), why -> { });
        java.util.Arrays.fill(pw, '\0');
        c.setSocketTimeout(timeoutMs);
        c.setSocketReadTimeout(0);
        c.setDefaultResponseTimeout(timeoutMs);
        c.setKeepAliveAfterAuthenticationFailure(false);
        try {
            c.login("off");
        } catch (AuthenticationFailedException e) {
            AmiLists.quietLogoff(c);
            throw new PushException(serverId + ": login refused for AMI user '" + t.username() + "'");
        } catch (IOException | TimeoutException | IllegalStateException e) {
            AmiLists.quietLogoff(c);
            throw new PushException(serverId + ": " + AmiLists.describe(e), e);
        }
        connections.put(serverId, c);
        return c;
    }

    private synchronized void drop(String serverId) {
        BoundedManagerConnection c = connections.remove(serverId);
        if (c != null) {
            AmiLists.quietLogoff(c);
        }
    }

    @Override
    public synchronized void close() {
        for (String id : List.copyOf(connections.keySet())) {
            drop(id);
        }
    }
}
