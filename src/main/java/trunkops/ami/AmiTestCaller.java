package trunkops.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import trunkops.push.PushException;
import trunkops.push.TestCaller;

/**
 * The push's test call: {@code Originate Local/<dial string>@<context>} (async, our own uniqueids on both halves
 * via ChannelId / OtherChannelId, application {@code Wait(1)} once answered) on a connection of its own with call
 * events, then the Dial events of the ;2 half, which runs the route: each DialBegin names a trunk, a DialEnd
 * ANSWER says which one answered. Ends at the answer, at the hangup of ;2, or at the timeout. Needs write class
 * {@code originate} and read class {@code call}. The listener only records; the caller's thread waits.
 */
public final class AmiTestCaller implements TestCaller {

    private static final Pattern DIAL = Pattern.compile("[0-9*#+]{1,40}");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]{1,79}");

    private final Map<String, AmiTarget> targets = new HashMap<>();
    private final Function<AmiTarget, Supplier<char[]>> secrets;
    private final int timeoutMs;

    public AmiTestCaller(List<AmiTarget> targets, Function<AmiTarget, Supplier<char[]>> secrets, int timeoutMs) {
        targets.forEach(t -> this.targets.put(t.serverId(), t));
        this.secrets = secrets;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Result call(String serverId, String dialString, String context, Duration timeout) throws PushException,
            InterruptedException {
        if (!DIAL.matcher(dialString).matches() || !CONTEXT.matcher(context).matches()) {
            throw new PushException("test call refused: dial string '" + dialString + "' (digits, * # +) or"
                    + " context '" + context + "' not valid");
        }
        AmiTarget t = targets.get(serverId);
        if (t == null) {
            throw new PushException("no AMI address for " + serverId);
        }
        char[] pw = secrets.apply(t).get();
        BoundedManagerConnection c = new BoundedManagerConnection(t, pw, WireLimits.defaults(), why -> { });
        java.util.Arrays.fill(pw, '\0');
        c.setSocketTimeout(timeoutMs);
        c.setSocketReadTimeout(0);
        c.setDefaultResponseTimeout(timeoutMs);
        c.setKeepAliveAfterAuthenticationFailure(false);
        String id = "trunkops-test-" + UUID.randomUUID().toString().substring(0, 8);
        Calls calls = new Calls(id + "-1", id + "-2");
        c.addEventListener(calls);
        try {
            c.login("call");
            OriginateAction o = new OriginateAction();
            o.setChannel("Local/" + dialString + "@" + context);
            o.setApplication("Wait");
            o.setData("1");
            o.setAsync(true);
            o.setTimeout(timeout.toMillis());
            o.setChannelId(id + "-1");
            o.setOtherChannelId(id + "-2");
            o.setCallerId("TrunkOps test <" + dialString + ">");
            ManagerResponse r = c.sendAction(o, timeoutMs);
            if (r instanceof ManagerError err) {
                throw new PushException(serverId + ": test call refused: " + err.getMessage());
            }
            calls.done.await(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return calls.result();
        } catch (AuthenticationFailedException e) {
            throw new PushException(serverId + ": login refused for AMI user '" + t.username() + "'");
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new PushException(serverId + ": test call: " + AmiLists.describe(e), e);
        } finally {
            c.removeEventListener(calls);
            AmiLists.quietLogoff(c);
        }
    }

    /** Records the Dial events of the test call's ;2 half (asterisk-java's dispatch thread; never blocks). */
    private static final class Calls implements ManagerEventListener {
        private final String one;
        private final String two;
        private final CountDownLatch done = new CountDownLatch(1);
        private final List<String> attempts = new ArrayList<>();
        private final List<String> ends = new ArrayList<>();
        private String answered;
        private String failure = "";

        Calls(String one, String two) {
            this.one = one;
            this.two = two;
        }

        @Override
        public synchronized void onManagerEvent(ManagerEvent e) {
            if (e instanceof DialBeginEvent b && ours(b.getUniqueId())) {
                attempts.add(trunk(b.getDestChannel()));
            } else if (e instanceof DialEndEvent d && ours(d.getUniqueId())) {
                ends.add(trunk(d.getDestChannel()) + " " + d.getDialStatus());
                if ("ANSWER".equals(d.getDialStatus())) {
                    answered = trunk(d.getDestChannel());
                    done.countDown();
                }
            } else if (e instanceof HangupEvent h && two.equals(h.getUniqueId())) {
                done.countDown();
            } else if (e instanceof OriginateResponseEvent o && one.equals(o.getUniqueId())
                    && !"Success".equalsIgnoreCase(o.getResponse())) {
                failure = "originate failed (reason " + o.getReason() + ")";
                done.countDown();
            }
        }

        private boolean ours(String uniqueId) {
            return two.equals(uniqueId);
        }

        /** {@code SIP/blueline-0000002a} → {@code SIP/blueline}. */
        private static String trunk(String channel) {
            if (channel == null) {
                return "?";
            }
            int dash = channel.lastIndexOf('-');
            return dash > 0 ? channel.substring(0, dash) : channel;
        }

        synchronized Result result() {
            String detail = !ends.isEmpty() ? String.join(", ", ends) : attempts.isEmpty()
                    ? (failure.isEmpty() ? "no trunk was dialed" : failure) : "dialed " + attempts + ", no answer yet";
            return new Result(attempts, Optional.ofNullable(answered), detail);
        }
    }
}
