package trunkops.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives routes on a lab dialer configured like the capture (trunk1/trunk2, qualify=yes, qualifyfreq=10, far
 * ends answering after 0.5 s) over its real AMI, the way ViciDial places calls: async {@code Originate} of
 * {@code Local/<number>@<context>} with a 30 s timeout and {@code CAMPDTO} in {@code Variable}, answered into a
 * hold extension. Every call's events are gathered by Linkedid (= the Originate's ;1 Uniqueid).
 */
public final class RouteLab implements AutoCloseable {

    /** One originated call and what the AMI told about it. */
    public static final class Call {
        public final String actionId;
        public final long sentLabMillis;
        public volatile Boolean connected;
        public String linkedid;
        public final List<Map<String, String>> userEvents = new CopyOnWriteArrayList<>();
        public final List<Map<String, String>> dialBegins = new CopyOnWriteArrayList<>();
        public final List<Map<String, String>> dialEnds = new CopyOnWriteArrayList<>();
        public final List<Long> attemptLabMillis = new CopyOnWriteArrayList<>();

        Call(String actionId, long sentLabMillis) {
            this.actionId = actionId;
            this.sentLabMillis = sentLabMillis;
        }

        public List<Map<String, String>> events(String userEvent) {
            return userEvents.stream().filter(e -> userEvent.equals(e.get("UserEvent"))).toList();
        }

        /** The trunks of the TrunkOpsAttempt events, in order. */
        public List<String> attemptedTrunks() {
            return events("TrunkOpsAttempt").stream().map(e -> e.get("trunk")).toList();
        }
    }

    /** The six scenarios of seed-dialplan-measured.md. */
    public enum Scenario {
        A_BOTH_UP, B_TRUNK1_UNREACHABLE, C_TRUNK1_DEAD_STILL_OK, D_TRUNK1_486, E_TRUNK1_503, F_TRUNK2_UNREACHABLE;

        /** Puts the lab into this scenario (b and f wait until qualify has marked the peer UNREACHABLE). */
        public void apply(RouteLab r) {
            switch (this) {
                case A_BOTH_UP -> {
                }
                case B_TRUNK1_UNREACHABLE -> r.killAndAwaitUnreachable("trunk1");
                case C_TRUNK1_DEAD_STILL_OK -> r.lab.trunk1.kill();
                case D_TRUNK1_486 -> r.lab.trunk1.failCalls(486, 1.0);
                case E_TRUNK1_503 -> r.lab.trunk1.failCalls(503, 1.0);
                case F_TRUNK2_UNREACHABLE -> r.killAndAwaitUnreachable("trunk2");
                default -> throw new IllegalStateException(name());
            }
        }

        /** Whether a live trunk can carry the call (all but d, where the customer is busy). */
        public boolean carriable() {
            return this != D_TRUNK1_486;
        }
    }

    public final FixtureLab lab;
    private final Socket socket;
    private final OutputStream out;
    private final Map<String, Call> byAction = new ConcurrentHashMap<>();
    private final Map<String, Call> byLinkedid = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();
    private final Object lock = new Object();

    public RouteLab(double speed) throws IOException {
        lab = new FixtureLab(speed);
        socket = new Socket(lab.ami.host(), lab.ami.port());
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "route-lab-ami");
        reader.setDaemon(true);
        reader.start();
        send("Action: Login\r\nUsername: " + FixtureLab.USER + "\r\nSecret: " + FixtureLab.SECRET
                + "\r\nEvents: call,user\r\n\r\n");
        if (!lab.awaitPeer("trunk1", "OK", Duration.ofSeconds(20))
                || !lab.awaitPeer("trunk2", "OK", Duration.ofSeconds(20))) {
            throw new IllegalStateException("lab peers did not come up: " + lab.pbx.peerStatuses());
        }
    }

    void killAndAwaitUnreachable(String peer) {
        lab.farEnd(peer).kill();
        if (!lab.awaitPeer(peer, "UNREACHABLE", Duration.ofSeconds(30))) {
            throw new IllegalStateException(peer + " not UNREACHABLE: " + lab.pbx.peerStatuses());
        }
    }

    /** Replaces the test include with {@code text} (and {@code [globals]} lines) and reloads the dialplan. */
    public void loadDialplan(String text) {
        lab.files.install("extensions-trunkops-test.conf", text);
        List<String> answer = lab.pbx.cli("dialplan reload");
        if (!String.join("\n", answer).contains("Dialplan reloaded")) {
            throw new IllegalStateException("dialplan reload: " + answer);
        }
    }

    private synchronized void send(String wire) throws IOException {
        out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Originates {@code count} calls at once and waits (real time ≤ {@code timeout}) until each has a verdict. */
    public List<Call> originate(int count, String number, String context, int campdto, Duration timeout)
            throws IOException {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "c" + seq.incrementAndGet();
            Call c = new Call(id, lab.clock.nowMillis());
            c.linkedid = "routelab-" + id;
            byAction.put(id, c);
            byLinkedid.put(c.linkedid, c);
            calls.add(c);
            send("Action: Originate\r\nActionID: " + id + "\r\nChannel: Local/" + number + "@" + context
                    + "\r\nChannelId: " + c.linkedid + "\r\nContext: lab\r\nExten: hold5\r\nPriority: 1\r\nAsync: true\r\nTimeout: 30000\r\n"
                    + "CallerID: \"V1205\" <0000000000>\r\nVariable: CAMPDTO=" + campdto + "\r\n\r\n");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (calls.stream().anyMatch(c -> c.connected == null)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("calls without a verdict after " + timeout);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        return calls;
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1))) {
            Map<String, String> msg = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        msg.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                    }
                    continue;
                }
                if (!msg.isEmpty()) {
                    onMessage(msg);
                }
                msg = new LinkedHashMap<>();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void onMessage(Map<String, String> m) {
        String event = m.getOrDefault("Event", "");
        switch (event) {
            case "UserEvent" -> {
                m.put("labMillis", Long.toString(lab.clock.nowMillis()));
                route(m);
            }
            case "DialBegin", "DialEnd" -> route(m);
            case "OriginateResponse" -> {
                Call c = byAction.get(m.getOrDefault("ActionID", ""));
                if (c == null) {
                    return;
                }
                synchronized (lock) {
                    c.connected = "Success".equals(m.get("Response"));
                    lock.notifyAll();
                }
            }
            default -> {
            }
        }
    }

    private void route(Map<String, String> m) {
        String linkedid = m.getOrDefault("Linkedid", "");
        synchronized (lock) {
            Call c = byLinkedid.get(linkedid);
            if (c != null) {
                attach(c, m);
            }
        }
    }

    private static void attach(Call c, Map<String, String> m) {
        String event = m.get("Event");
        if ("DialBegin".equals(event) || "DialEnd".equals(event)) {
            if (m.getOrDefault("DestChannel", "").startsWith("SIP/")) {
                ("DialBegin".equals(event) ? c.dialBegins : c.dialEnds).add(m);
            }
            return;
        }
        c.userEvents.add(m);
        if ("TrunkOpsAttempt".equals(m.get("UserEvent"))) {
            c.attemptLabMillis.add(Long.parseLong(m.get("labMillis")));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        lab.close();
    }
}
