package trunkops.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;

/**
 * A manager port on loopback that answers what the gateway asks the way Asterisk 20 does (login, CoreSettings,
 * SIPpeers with {@link #peers}, CoreShowChannels, SIPpeerstatus, Ping) and lets a test write any bytes to the
 * connected clients between those answers: the hostile server of the hardening tests.
 */
public final class HostileAmiServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> peers;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile byte[] banner = "Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    public HostileAmiServer(List<String> peers) throws IOException {
        this(ServerSocketFactory.getDefault(), peers);
    }

    HostileAmiServer(ServerSocketFactory factory, List<String> peers) throws IOException {
        this.peers = List.copyOf(peers);
        this.server = factory.createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::accept, "hostile-ami-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int logins() {
        return logins.get();
    }

    /** Connections accepted so far (each got the banner). */
    public int accepted() {
        return accepted.get();
    }

    public void banner(String raw) {
        banner = raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes raw bytes to every logged-in client, all parts in one piece between two answers. */
    public void send(byte[]... parts) {
        for (Conn c : conns) {
            if (c.loggedIn) {
                c.write(parts);
            }
        }
    }

    public void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Slowloris: writes {@code bytes} one at a time, one every {@code periodMillis}, on a timer; the future
     * completes after the last one.
     */
    public java.util.concurrent.CompletableFuture<Void> drip(byte[] bytes, long periodMillis) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "hostile-ami-drip");
                    t.setDaemon(true);
                    return t;
                });
        AtomicInteger next = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= bytes.length) {
                done.complete(null);
                timer.shutdown();
                return;
            }
            send(new byte[] {bytes[i]});
        }, 0, periodMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        return done;
    }

    /** Closes every client connection (the listener stays). */
    public void dropClients() {
        for (Conn c : conns) {
            c.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(s);
                conns.add(c);
                accepted.incrementAndGet();
                Thread t = new Thread(c::run, "hostile-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClients();
    }

    private final class Conn {
        private final Socket socket;
        private OutputStream out;
        private volatile boolean loggedIn;

        Conn(Socket socket) {
            this.socket = socket;
        }

        synchronized void write(byte[]... parts) {
            try {
                for (byte[] b : parts) {
                    out.write(b);
                }
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            conns.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // closing a hostile connection: nothing to report
            }
        }

        void run() {
            try (socket) {
                synchronized (this) {
                    out = socket.getOutputStream();
                }
                write(banner);
                InputStream in = socket.getInputStream();
                Map<String, String> req = new HashMap<>();
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    String l = line.toString(StandardCharsets.UTF_8).replace("\r", "");
                    line.reset();
                    if (!l.isEmpty()) {
                        int colon = l.indexOf(':');
                        if (colon > 0) {
                            req.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
                        }
                    } else if (!req.isEmpty()) {
                        answer(req);
                        req = new HashMap<>();
                    }
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                conns.remove(this);
            }
        }

        private void answer(Map<String, String> req) {
            String id = "ActionID: " + req.getOrDefault("actionid", "") + "\r\n";
            String action = req.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            StringBuilder sb = new StringBuilder();
            switch (action) {
                case "challenge" -> sb.append("Response: Success\r\n").append(id).append("Challenge: 840415273\r\n\r\n");
                case "login" -> {
                    sb.append("Response: Success\r\n").append(id).append("Message: Authentication accepted\r\n\r\n");
                    sb.append("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 173\r\nLastReload: 173\r\n"
                            + "Status: Fully Booted\r\n\r\n");
                }
                case "coresettings" -> sb.append("Response: Success\r\n").append(id).append(
                        "AMIversion: 9.0.0\r\nAsteriskVersion: 20.20.1\r\nSystemName: \r\nCoreMaxCalls: 0\r\n\r\n");
                case "sippeers" -> {
                    sb.append("Response: Success\r\n").append(id)
                            .append("EventList: start\r\nMessage: Peer status list will follow\r\n\r\n");
                    int port = 5071;
                    for (String p : peers) {
                        sb.append("Event: PeerEntry\r\n").append(id).append("Channeltype: SIP\r\nObjectName: ")
                                .append(p).append("\r\nChanObjectType: peer\r\nIPaddress: 127.0.0.1\r\nIPport: ")
                                .append(port++).append("\r\nDynamic: no\r\nStatus: OK (1 ms)\r\n\r\n");
                    }
                    sb.append("Event: PeerlistComplete\r\n").append(id).append("EventList: Complete\r\nListItems: ")
                            .append(peers.size()).append("\r\n\r\n");
                }
                case "coreshowchannels" -> sb.append("Response: Success\r\n").append(id)
                        .append("EventList: start\r\nMessage: Channels will follow\r\n\r\n")
                        .append("Event: CoreShowChannelsComplete\r\n").append(id)
                        .append("EventList: Complete\r\nListItems: 0\r\n\r\n");
                case "sippeerstatus" -> sb.append("Response: Success\r\n").append(id)
                        .append("EventList: start\r\nMessage: Peer status will follow\r\n\r\n")
                        .append("Event: SIPpeerstatusComplete\r\n").append(id)
                        .append("EventList: Complete\r\nListItems: 0\r\n\r\n");
                case "ping" -> sb.append("Response: Success\r\n").append(id)
                        .append("Ping: Pong\r\nTimestamp: 1795680579.332735\r\n\r\n");
                case "logoff" -> sb.append("Response: Goodbye\r\n").append(id)
                        .append("Message: Thanks for all the fish.\r\n\r\n");
                default -> sb.append("Response: Error\r\n").append(id).append("Message: Invalid/unknown command\r\n\r\n");
            }
            write(sb.toString().getBytes(StandardCharsets.UTF_8));
            if (action.equals("login")) {
                loggedIn = true;
                logins.incrementAndGet();
            } else if (action.equals("logoff")) {
                close();
            }
        }
    }
}
