package trunkops.lab.ami;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One manager connection: reads the client's messages, runs their actions one at a time, and writes responses
 * and the events the session may see. Writes go through a queue drained by the session's own writer thread, so a
 * slow client never stalls the simulated PBX; a client that stops reading for longer than its user's
 * writetimeout is disconnected, as Asterisk does.
 */
public final class AmiSession {

    private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);
    private static final int QUEUE_CAPACITY = 262_144;
    private static final byte[] END = new byte[0];

    private final ManagerCore core;
    private final Socket socket;
    private final String sessionId;
    private final String sessionTv;
    private final BlockingQueue<byte[]> outbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong writeStartedNanos = new AtomicLong();
    private final AtomicLong eventsSent = new AtomicLong();

    private final long createdNanos = System.nanoTime();
    private volatile boolean authenticated;
    private volatile ManagerUser user;
    private volatile int sendEvents = EventClass.ALL;
    private volatile String challenge;
    private volatile boolean loginEventsOff;
    private final ManagerActions builtins;

    private final java.util.function.BooleanSupplier frozen;

    AmiSession(ManagerCore core, Socket socket, long serial, java.util.function.BooleanSupplier frozen) {
        this.frozen = frozen;
        this.core = core;
        this.socket = socket;
        this.sessionId = String.format("0x%012x", 0x55a75a000000L + serial * 0x1a0);
        this.sessionTv = EventFormats.eventTv(core.clock().nowMicros());
        this.builtins = new ManagerActions(core);
    }

    void start(String threadName) {
        Thread reader = new Thread(this::readLoop, threadName + "-reader");
        reader.setDaemon(true);
        Thread writer = new Thread(this::writeLoop, threadName + "-writer");
        writer.setDaemon(true);
        writer.start();
        reader.start();
    }

    // ---- state used by actions ----

    public boolean authenticated() {
        return authenticated;
    }

    public ManagerUser user() {
        return user;
    }

    public String sessionId() {
        return sessionId;
    }

    public String sessionTv() {
        return sessionTv;
    }

    public String localAddress() {
        InetSocketAddress a = (InetSocketAddress) socket.getLocalSocketAddress();
        return "IPV4/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }

    public String remoteAddress() {
        InetSocketAddress a = (InetSocketAddress) socket.getRemoteSocketAddress();
        return "IPV4/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }

    public String remoteIp() {
        return ((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress().getHostAddress();
    }

    public String challenge() {
        return challenge;
    }

    void setChallenge(String value) {
        challenge = value;
    }

    void loggedIn(ManagerUser u, String eventsHeader) {
        user = u;
        authenticated = true;
        int mask = EventMasks.parse(eventsHeader);
        if (mask >= 0) {
            sendEvents = mask;
            loginEventsOff = mask == 0;
        }
    }

    /** The Events action: returns the new mask, or -1 when the spec was empty (mask unchanged). */
    int setEventMask(String spec) {
        int mask = EventMasks.parse(spec);
        if (mask >= 0) {
            sendEvents = mask;
        }
        return mask;
    }

    /** The classes this session currently receives. */
    public int effectiveEventMask() {
        ManagerUser u = user;
        return u == null ? 0 : u.readMask() & sendEvents;
    }

    /** Asterisk's delivery rule: all of the event's class bits in both readperm and the session's event mask. */
    boolean wants(int eventMask) {
        ManagerUser u = user;
        return u != null && (u.readMask() & eventMask) == eventMask && (sendEvents & eventMask) == eventMask;
    }

    boolean eventsOffAtLogin() {
        return loginEventsOff;
    }

    public long eventsSent() {
        return eventsSent.get();
    }

    // ---- output ----

    /** Queues bytes for the client; if the client has fallen hopelessly behind the session is dropped. */
    public void write(byte[] bytes) {
        if (closed.get()) {
            return;
        }
        if (!outbound.offer(bytes)) {
            LOG.warn("AMI session {} from {} is not reading; dropping the session", sessionId, remoteIp());
            close();
        }
    }

    /** Delivers an event if this session may see it. */
    public void deliverEvent(ManagerEvent event) {
        if (!authenticated) {
            return;
        }
        if (wants(event.classMask())) {
            eventsSent.incrementAndGet();
            write(event.wire());
        }
    }

    long createdNanos() {
        return createdNanos;
    }

    public boolean isClosed() {
        return closed.get();
    }

    public void close() {
        if (closed.compareAndSet(false, true)) {
            core.detach(this);
            outbound.clear();
            outbound.offer(END);
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing AMI socket", e);
            }
        }
    }

    /** Lets queued output reach the client, then closes (Logoff, failed login). */
    void closeAfterFlush() {
        if (!closed.get()) {
            outbound.offer(END);
        }
    }

    /** True when a write has been blocked longer than the user's writetimeout (checked by the server's watchdog). */
    boolean writeStalled(long nowNanos) {
        long started = writeStartedNanos.get();
        ManagerUser u = user;
        long limit = TimeUnit.MILLISECONDS.toNanos(u == null ? 5000 : u.writeTimeoutMs());
        return started != 0 && nowNanos - started > limit;
    }

    private void writeLoop() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65_536)) {
            awaitThaw();
            out.write((ManagerConfig.BANNER + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (true) {
                byte[] next = outbound.take();
                awaitThaw();
                if (next == END) {
                    out.flush();
                    break;
                }
                writeStartedNanos.set(System.nanoTime());
                out.write(next);
                if (outbound.isEmpty()) {
                    out.flush();
                }
                writeStartedNanos.set(0);
            }
        } catch (IOException e) {
            LOG.debug("AMI session {} write ended: {}", sessionId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    // ---- input ----

    private void readLoop() {
        try {
            AmiLineReader reader = new AmiLineReader(socket.getInputStream());
            while (!closed.get()) {
                AmiLineReader.Result r = reader.next();
                if (r == null) {
                    break;
                }
                if (r.lineTooLong()) {
                    LOG.warn("Discarding message from {}. Line too long: {}...", remoteIp(), r.discardedPrefix());
                    write(AmiMessage.builder().add("Response", "Error").actionId(r.request().actionId())
                            .add("Message", "Failed to parse message: line too long").build().toWire());
                    continue;
                }
                awaitThaw();
                if (runAction(r.request())) {
                    closeAfterFlush();
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("AMI session {} read ended: {}", sessionId, e.toString());
        }
        close();
    }

    /** While the server is frozen (the "hung Asterisk" fault) the session neither reads nor writes. */
    private void awaitThaw() {
        while (frozen.getAsBoolean() && !closed.get()) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    private void submit(ActionContext ctx, AmiRequest request) {
        core.execute(() -> {
            try {
                builtins.dispatch(ctx);
            } catch (RuntimeException e) {
                LOG.error("lab AMI action {} failed", request.action(), e);
                ctx.error("Internal lab error: " + e.getClass().getSimpleName());
                ctx.finish();
                return;
            }
            if (!ctx.deferred()) {
                ctx.finish();
            }
        });
    }

    /** Runs one action on the PBX thread and waits for it; true when the session must close afterwards. */
    private boolean runAction(AmiRequest request) {
        ActionContext ctx = new ActionContext(this, request);
        try {
            submit(ctx, request);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the PBX is shutting down (its thread no longer takes work): Asterisk closes the sessions then
            LOG.debug("AMI session {}: {} arrived while the PBX stops; closing", sessionId, request.action());
            return true;
        }
        try {
            return ctx.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
