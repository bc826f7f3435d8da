package trunkops.ami;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dialer's AMI link for placing test calls and watching them: logged in with the event classes {@code call,user}
 * (DialBegin/DialEnd, the routes' UserEvents, OriginateResponse), it sends {@code Originate} and {@code SIPshowpeer}
 * and hands every event frame, as a map of its first value per key, to one listener on the link's reader thread
 * (the listener must only queue it). Read through the console's bounded frame reader ({@link AmiSocket}); every
 * value sent is checked for line breaks so nothing typed can add an AMI header.
 */
public final class AmiCallLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiCallLink.class);

    private final AmiTarget target;
    private final int timeoutMs;
    private final Map<String, CompletableFuture<Map<String, String>>> pending = new ConcurrentHashMap<>();
    private final Map<String, PendingList> lists = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private volatile Consumer<Map<String, String>> listener = m -> { };
    private AmiSocket socket;
    private Thread reader;
    private volatile boolean closed;

    private AmiCallLink(AmiTarget target, int timeoutMs) {
        this.target = target;
        this.timeoutMs = timeoutMs;
    }

    /** Connects and logs in (the secret is wiped after use); fails with a message naming the dialer. */
    public static AmiCallLink open(AmiTarget target, Supplier<char[]> secret, int timeoutMs) throws IOException {
        AmiCallLink link = new AmiCallLink(target, timeoutMs);
        link.connect(secret);
        return link;
    }

    public String serverId() {
        return target.serverId();
    }

    /** The one consumer of event frames (called on the reader thread: it must not block). */
    public void setListener(Consumer<Map<String, String>> l) {
        listener = l == null ? m -> { } : l;
    }

    private void connect(Supplier<char[]> secret) throws IOException {
        AmiTls tls = target.tls();
        Socket s = tls == null ? new Socket() : tls.context().getSocketFactory().createSocket();
        try {
            s.connect(new InetSocketAddress(target.host(), target.port()), timeoutMs);
            if (s instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
            socket = new AmiSocket(s, WireLimits.defaults(), new AsteriskJavaFrameGuard(),
                    why -> LOG.info("AMI {}: dropped a {}", target, why));
        } catch (IOException | RuntimeException e) {
            s.close();
            throw new IOException(target.serverId() + ": cannot connect to AMI: " + AmiLists.describe(e), e);
        }
        reader = new Thread(this::readLoop, "ami-drill-" + target.serverId());
        reader.setDaemon(true);
        reader.start();
        char[] pw = secret.get();
        Map<String, String> login = new LinkedHashMap<>();
        login.put("Username", target.username());
        login.put("Secret", new String(pw));
        java.util.Arrays.fill(pw, '\0');
        login.put("Events", "call,user");
        Map<String, String> r = action("Login", login);
        if (!"Success".equalsIgnoreCase(r.get("Response"))) {
            close();
            throw new IOException(target.serverId() + ": AMI login refused for user '" + target.username() + "'");
        }
    }

    /**
     * Sends an asynchronous {@code Originate}; the answer to the action only says it was queued, the call's fate
     * comes as {@code OriginateResponse} and the events of the channels whose Linkedid is {@code channelId}.
     */
    public void originate(String actionId, String channel, String channelId, long timeoutMs, Answered answered,
                          String callerId, Map<String, String> variables) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ActionID", actionId);
        f.put("Channel", channel);
        f.put("ChannelId", channelId);
        if (answered.application() != null) {
            f.put("Application", answered.application());
            f.put("Data", answered.data());
        } else {
            f.put("Context", answered.context());
            f.put("Exten", answered.exten());
            f.put("Priority", "1");
        }
        f.put("Async", "true");
        f.put("Timeout", Long.toString(timeoutMs));
        f.put("CallerID", callerId);
        StringBuilder vars = new StringBuilder();
        variables.forEach((k, v) -> vars.append(vars.length() == 0 ? "" : ",").append(k).append('=').append(v));
        if (vars.length() > 0) {
            f.put("Variable", vars.toString());
        }
        Map<String, String> r = action("Originate", f);
        if (!"Success".equalsIgnoreCase(r.get("Response"))) {
            throw new IOException(target.serverId() + ": Originate refused: " + r.getOrDefault("Message", "?"));
        }
    }

    /** Where the originated channel goes once answered: an application, or an extension at priority 1. */
    public record Answered(String application, String data, String context, String exten) {
        public static Answered application(String app, String data) {
            return new Answered(app, data, null, null);
        }

        public static Answered extension(String context, String exten) {
            return new Answered(null, null, context, exten);
        }
    }

    /** {@code SIPshowpeer}: the answer's fields (Status e.g. {@code OK (12 ms)}, {@code UNREACHABLE}). */
    public Map<String, String> sipShowPeer(String peer) throws IOException {
        return action("SIPshowpeer", Map.of("Peer", peer));
    }

    /**
     * {@code PJSIPShowEndpoint}: the answer and the list's events ({@code EndpointDetail}, {@code AorDetail},
     * {@code ContactStatusDetail} with {@code Status} Reachable/Unreachable and {@code RoundtripUsec}, ...), up to
     * its {@code EventList: Complete}; an error answer ({@code Unable to retrieve endpoint ...}) has no events.
     * List events reach the asking session whatever its event classes, so the link's {@code call,user} login is
     * enough.
     */
    public ListAnswer pjsipShowEndpoint(String endpoint) throws IOException {
        return actionList("PJSIPShowEndpoint", Map.of("Endpoint", endpoint));
    }

    /** An action that answers with an event list: the response and the events carrying its ActionID. */
    public record ListAnswer(Map<String, String> response, List<Map<String, String>> events) {
    }

    /** Sends an action that answers with an event list and waits for the list's end (or an error answer). */
    public ListAnswer actionList(String name, Map<String, String> fields) throws IOException {
        String id = "drill-" + seq.incrementAndGet();
        List<Map<String, String>> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        lists.put(id, new PendingList(events, done));
        try {
            Map<String, String> f = new LinkedHashMap<>(fields);
            f.put("ActionID", id);
            Map<String, String> r = action(name, f);
            if (!"Success".equalsIgnoreCase(r.get("Response")) || !"start".equalsIgnoreCase(r.get("EventList"))) {
                return new ListAnswer(r, List.of());
            }
            awaited(done, name, "list not complete");
            return new ListAnswer(r, List.copyOf(events));
        } finally {
            lists.remove(id);
        }
    }

    private record PendingList(List<Map<String, String>> events, CompletableFuture<Void> done) {
    }

    /** Sends one action and waits (at most the link's timeout) for its response frame. */
    public Map<String, String> action(String name, Map<String, String> fields) throws IOException {
        String id = fields.getOrDefault("ActionID", "drill-" + seq.incrementAndGet());
        StringBuilder wire = new StringBuilder("Action: ").append(name).append("\r\n");
        wire.append("ActionID: ").append(checked(id)).append("\r\n");
        fields.forEach((k, v) -> {
            if (!k.equals("ActionID")) {
                wire.append(checked(k)).append(": ").append(checked(v)).append("\r\n");
            }
        });
        wire.append("\r\n");
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (this) {
                if (closed) {
                    throw new IOException(target.serverId() + ": AMI link closed");
                }
                socket.write(wire.toString());
                socket.flush();
            }
            return awaited(answer, name, "no answer");
        } finally {
            pending.remove(id);
        }
    }

    /** Waits at most the link's timeout for {@code f}; any failure as an IOException naming the dialer and action. */
    private <T> T awaited(CompletableFuture<T> f, String name, String late) throws IOException {
        try {
            return f.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(target.serverId() + ": " + name + ": " + late + " within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            throw new IOException(target.serverId() + ": " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(target.serverId() + ": " + name + ": interrupted", e);
        }
    }

    private static String checked(String v) {
        if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an AMI value must not contain a line break");
        }
        return v;
    }

    private void readLoop() {
        Map<String, String> frame = new LinkedHashMap<>();
        try {
            String line;
            while ((line = socket.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        frame.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                    } else if (line.endsWith(":")) {
                        frame.putIfAbsent(line.substring(0, line.length() - 1), "");
                    }
                    continue;
                }
                if (!frame.isEmpty()) {
                    dispatch(frame);
                }
                frame = new LinkedHashMap<>();
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.info("AMI {}: drill link lost: {}", target, AmiLists.describe(e));
            }
        } finally {
            IOException gone = new IOException("AMI link lost");
            pending.values().forEach(f -> f.completeExceptionally(gone));
            lists.values().forEach(l -> l.done().completeExceptionally(gone));
            listener.accept(Map.of("Event", "LinkLost", "Server", target.serverId()));
        }
    }

    private void dispatch(Map<String, String> frame) {
        if (frame.containsKey("Response") && !frame.containsKey("Event")) {
            CompletableFuture<Map<String, String>> f = pending.get(frame.getOrDefault("ActionID", ""));
            if (f != null) {
                f.complete(frame);
            }
            return;
        }
        PendingList list = frame.containsKey("Event") ? lists.get(frame.getOrDefault("ActionID", "")) : null;
        if (list != null) {
            if ("Complete".equalsIgnoreCase(frame.get("EventList"))) {
                list.done().complete(null);
            } else { // AuthDetail carries the trunk's password in clear text: never kept
                frame.keySet().removeIf(k -> k.equalsIgnoreCase("Password") || k.equalsIgnoreCase("Secret"));
                list.events().add(frame);
            }
            return;
        }
        if (frame.containsKey("Event")) {
            try {
                listener.accept(frame);
            } catch (RuntimeException e) {
                LOG.warn("AMI {}: drill listener failed on {}", target, frame.get("Event"), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            LOG.debug("AMI {}: close: {}", target, e.getMessage());
        }
    }
}
