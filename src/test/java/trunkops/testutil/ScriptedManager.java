package trunkops.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Asterisk 20 manager on loopback, small enough to read in one go, for what the lab will not do on
 * purpose (a server that sends events before answering the login, a restart faster than any poll, a secret that
 * changes). It speaks the wire format of the Asterisk 20 AMI transcripts (banner, MD5 challenge login checked
 * against {@link #secret}, FullyBooted, SIPpeers, CoreShowChannels, SIPpeerstatus, ListCommands, Ping, Logoff)
 * for one user, with the peer list given by the test, and counts connections, logins and list requests.
 */
public final class ScriptedManager implements AutoCloseable {

    public static final String USER = "noc";
    public static final String SECRET = "nocsecret";

    private final ServerSocket server;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    /** peer name → SIPpeers Status text, e.g. {@code OK (20 ms)} or {@code UNREACHABLE}. */
    public final Map<String, String> peers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Raw frames sent after the client's Login arrives and before its response (a hostile or broken server). */
    public final List<String> beforeLoginResponse = new CopyOnWriteArrayList<>();
    /** The ListCommands answer's lines ({@code Name: synopsis (Priv: classes)\r\n}): what the user may do. */
    public final List<String> listCommands = new CopyOnWriteArrayList<>(List.of(
            "Ping: Keepalive command. (Priv: <none>)\r\n",
            "SIPpeers: List SIP peers (text format). (Priv: system,reporting)\r\n"));
    /** How many ListCommands to leave unanswered (a busy manager), counted down. */
    public final AtomicInteger listCommandsIgnored = new AtomicInteger();
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger logins = new AtomicInteger();
    public final AtomicInteger snapshots = new AtomicInteger();
    public final AtomicInteger channelLists = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Answers actions this server does not know itself (lower-case header names, as read), or null for
     * "Invalid/unknown command": a test replays a transcript's answers through it.
     */
    public volatile java.util.function.Function<Map<String, String>, String> otherActions;

    /** The secret the server accepts for {@link #USER} from now on (a changed manager.conf). */
    public volatile String secret = SECRET;

    public ScriptedManager() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "scripted-manager-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A chan_sip PeerStatus event as Asterisk 20 writes it (fixture 04-*), for any Peer/ChannelType pair. */
    public static String peerStatus(String channelType, String peer, String status) {
        return "Event: PeerStatus\r\nPrivilege: system,all\r\n"
                + (channelType == null ? "" : "ChannelType: " + channelType + "\r\n")
                + "Peer: " + peer + "\r\nPeerStatus: " + status + "\r\n"
                + (status.equals("Unreachable") ? "Time: -1\r\n" : "") + "\r\n";
    }

    /** Sends a raw frame to every logged-in client. */
    public void sendToLoggedIn(String frame) {
        for (Conn c : conns) {
            if (c.loggedIn) {
                c.write(frame);
            }
        }
    }

    /** Closes every client connection (the listening socket stays: a restart the client can re-attach to at once). */
    public void dropClients() {
        for (Conn c : conns) {
            c.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Conn c = new Conn(s);
                conns.add(c);
                Thread t = new Thread(c::run, "scripted-manager-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Conn {
        private final Socket socket;
        private OutputStream out;
        private volatile boolean loggedIn;
        private String challenge;

        Conn(Socket socket) {
            this.socket = socket;
        }

        synchronized void write(String s) {
            try {
                out.write(s.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | NullPointerException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            conns.remove(this);
        }

        void run() {
            try {
                synchronized (this) {
                    out = socket.getOutputStream();
                }
                write("Asterisk Call Manager/9.0.0\r\n");
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                Map<String, String> m = new HashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            m.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                    line.substring(colon + 1).strip());
                        }
                        continue;
                    }
                    if (!m.isEmpty() && !answer(m)) {
                        break;
                    }
                    m = new HashMap<>();
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                close();
            }
        }

        /** Answers one action; false when the connection is to be closed. */
        private boolean answer(Map<String, String> m) {
            String id = m.getOrDefault("actionid", "");
            String head = "Response: Success\r\nActionID: " + id + "\r\n";
            switch (m.getOrDefault("action", "").toLowerCase(Locale.ROOT)) {
                case "challenge" -> {
                    challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                    write(head + "Challenge: " + challenge + "\r\n\r\n");
                }
                case "login" -> {
                    logins.incrementAndGet();
                    beforeLoginResponse.forEach(this::write);
                    String expected = md5Hex(challenge + secret);
                    boolean plain = m.containsKey("secret") && secret.equals(m.get("secret")); // Secret: login
                    if (!USER.equalsIgnoreCase(m.get("username")) || !(plain || expected.equalsIgnoreCase(m.get("key")))) {
                        write("Response: Error\r\nActionID: " + id + "\r\nMessage: Authentication failed\r\n\r\n");
                        return false;
                    }
                    loggedIn = true;
                    write(head + "Message: Authentication accepted\r\n\r\n");
                    write("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 10\r\nLastReload: 10\r\n"
                            + "Status: Fully Booted\r\n\r\n");
                }
                case "coresettings" -> write(head + "AMIversion: 9.0.0\r\nAsteriskVersion: 20.20.1\r\n"
                        + "SystemName: \r\nCoreMaxCalls: 0\r\n\r\n");
                case "sippeers" -> {
                    snapshots.incrementAndGet();
                    StringBuilder b = new StringBuilder(head + "EventList: start\r\nMessage: Peer status list will follow\r\n\r\n");
                    Map<String, String> now = new LinkedHashMap<>(peers);
                    now.forEach((name, status) -> b.append("Event: PeerEntry\r\nActionID: ").append(id)
                            .append("\r\nChanneltype: SIP\r\nObjectName: ").append(name)
                            .append("\r\nChanObjectType: peer\r\nIPaddress: 192.0.2.10\r\nIPport: 5060\r\nStatus: ")
                            .append(status).append("\r\n\r\n"));
                    b.append("Event: PeerlistComplete\r\nActionID: ").append(id)
                            .append("\r\nEventList: Complete\r\nListItems: ").append(now.size()).append("\r\n\r\n");
                    write(b.toString());
                }
                case "coreshowchannels" -> {
                    channelLists.incrementAndGet();
                    write(head + "EventList: start\r\nMessage: Channels will follow\r\n\r\n"
                        + "Event: CoreShowChannelsComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\n"
                        + "ListItems: 0\r\n\r\n");
                }
                case "sippeerstatus" -> {
                    List<String> items = new ArrayList<>();
                    peers.forEach((name, status) -> {
                        String word = status.startsWith("OK") ? "Reachable" : status.startsWith("LAGGED") ? "Lagged"
                                : status.equals("UNKNOWN") ? "Unknown" : "Unreachable";
                        items.add("Event: PeerStatus\r\nPrivilege: System\r\nChannelType: SIP\r\nPeer: SIP/" + name
                                + "\r\nPeerStatus: " + word + "\r\n"
                                + (word.equals("Unreachable") || word.equals("Unknown") ? "" : "Time: 20\r\n")
                                + "ActionID: " + id + "\r\n\r\n");
                    });
                    write(head + "EventList: start\r\nMessage: Peer status will follow\r\n\r\n" + String.join("", items)
                            + "Event: SIPpeerstatusComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\n"
                            + "ListItems: " + items.size() + "\r\n\r\n");
                }
                case "listcommands" -> {
                    if (listCommandsIgnored.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                        write(head + String.join("", listCommands) + "\r\n");
                    }
                }
                case "ping" -> write(head + "Ping: Pong\r\nTimestamp: 1796397043.397407\r\n\r\n");
                case "logoff" -> {
                    write("Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                    return false;
                }
                default -> {
                    java.util.function.Function<Map<String, String>, String> other = otherActions;
                    String answer = other == null ? null : other.apply(m);
                    write(answer != null ? answer
                            : "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n");
                }
            }
            return true;
        }
    }

    private static String md5Hex(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new java.math.BigInteger(1, d));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropClients();
    }
}
