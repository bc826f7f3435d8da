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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal AMI server on loopback that answers what the gateway asks (Challenge, Login, CoreSettings, SIPpeers,
 * SIPpeerstatus, CoreShowChannels, Ping, Logoff) the way the Asterisk 20 transcripts in the fixtures do, with a
 * peer list the test chooses — including names no sip.conf could hold (a newline, ESC, non-ASCII) — and lets the
 * test push raw events. Any login is accepted. Header values are written as given (a bare LF stays inside a
 * value: AMI lines end with CRLF).
 */
public final class ScriptedAmiServer implements AutoCloseable {

    /** A SIPpeers entry; {@code status} as chan_sip writes it ({@code OK (20 ms)}, {@code UNREACHABLE}). */
    public record Peer(String name, String ip, int port, String status) {
    }

    private final ServerSocket server;
    private final List<Peer> peers;
    private final List<OutputStream> loggedIn = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstLogin = new CountDownLatch(1);
    private volatile boolean closed;

    public ScriptedAmiServer(List<Peer> peers) throws IOException {
        this.peers = List.copyOf(peers);
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "scripted-ami-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** Waits until a client has logged in. */
    public boolean awaitLogin(long seconds) throws InterruptedException {
        return firstLogin.await(seconds, TimeUnit.SECONDS);
    }

    /** Sends one event packet ({@code "Event: PeerStatus", "Peer: SIP/x", ...}) to every logged-in client. */
    public void event(String... lines) throws IOException {
        for (OutputStream out : loggedIn) {
            write(out, List.of(lines));
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "scripted-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        OutputStream out = null;
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8))) {
            out = s.getOutputStream();
            synchronized (out) {
                out.write("Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            Map<String, String> packet = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        packet.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                    continue;
                }
                if (!packet.isEmpty() && !answer(out, packet)) {
                    return;
                }
                packet = new HashMap<>();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            loggedIn.remove(out);
        }
    }

    private boolean answer(OutputStream out, Map<String, String> p) throws IOException {
        String id = "ActionID: " + p.getOrDefault("actionid", "");
        String action = p.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        switch (action) {
            case "challenge" -> write(out, List.of("Response: Success", id, "Challenge: 840415273"));
            case "login" -> {
                write(out, List.of("Response: Success", id, "Message: Authentication accepted"));
                write(out, List.of("Event: FullyBooted", "Privilege: system,all", "Status: Fully Booted"));
                loggedIn.add(out);
                firstLogin.countDown();
            }
            case "coresettings" -> write(out, List.of("Response: Success", id, "AMIversion: 9.0.0",
                    "AsteriskVersion: 20.20.1", "SystemName: ", "CoreMaxCalls: 0", "CoreMaxLoadAvg: 0.000000",
                    "CoreRunUser: asterisk", "CoreRunGroup: asterisk", "CoreMaxFilehandles: 0",
                    "CoreRealTimeEnabled: No", "CoreCDRenabled: Yes", "CoreHTTPenabled: No"));
            case "sippeers" -> {
                write(out, List.of("Response: Success", id, "EventList: start",
                        "Message: Peer status list will follow"));
                for (Peer peer : peers) {
                    write(out, List.of("Event: PeerEntry", id, "Channeltype: SIP", "ObjectName: " + peer.name(),
                            "ChanObjectType: peer", "IPaddress: " + peer.ip(), "IPport: " + peer.port(),
                            "Dynamic: no", "Status: " + peer.status()));
                }
                write(out, List.of("Event: PeerlistComplete", id, "EventList: Complete",
                        "ListItems: " + peers.size()));
            }
            case "sippeerstatus" -> {
                write(out, List.of("Response: Success", id, "EventList: start", "Message: Peer status will follow"));
                for (Peer peer : peers) {
                    List<String> ev = new ArrayList<>(List.of("Event: PeerStatus", "Privilege: System",
                            "ChannelType: SIP", "Peer: SIP/" + peer.name()));
                    if (peer.status().startsWith("OK (")) {
                        ev.add("PeerStatus: Reachable");
                        ev.add("Time: " + peer.status().replaceAll("\\D", ""));
                    } else {
                        ev.add("PeerStatus: Unreachable");
                    }
                    ev.add(id);
                    write(out, ev);
                }
                write(out, List.of("Event: SIPpeerstatusComplete", id, "EventList: Complete",
                        "ListItems: " + peers.size()));
            }
            case "coreshowchannels" -> {
                write(out, List.of("Response: Success", id, "EventList: start", "Message: Channels will follow"));
                write(out, List.of("Event: CoreShowChannelsComplete", id, "EventList: Complete", "ListItems: 0"));
            }
            case "ping" -> write(out, List.of("Response: Success", id, "Ping: Pong", "Timestamp: 1795680579.332735"));
            case "logoff" -> {
                write(out, List.of("Response: Goodbye", id, "Message: Thanks for all the fish."));
                return false;
            }
            default -> write(out, List.of("Response: Error", id, "Message: Invalid/unknown command"));
        }
        return true;
    }

    private static void write(OutputStream out, List<String> lines) throws IOException {
        byte[] b = (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(b);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
