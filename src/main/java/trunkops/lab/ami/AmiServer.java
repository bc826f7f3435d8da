package trunkops.lab.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated dialer's manager port: real TCP on loopback. It can be stopped and started again on the same
 * port (the "AMI server dropped/restarted" fault).
 */
public final class AmiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiServer.class);

    private final String name;
    private final ManagerCore core;
    private final InetAddress bindAddress;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong serial = new AtomicLong();
    private final ScheduledExecutorService watchdog;
    private volatile ServerSocket serverSocket;
    private volatile int port;
    private volatile boolean frozen;
    private volatile ServerSocket tlsServerSocket;
    private volatile LabTlsCertificate tlsCertificate;
    private volatile int tlsPort;

    public AmiServer(String name, ManagerCore core, InetAddress bindAddress, int port) {
        this.name = name;
        this.core = core;
        this.bindAddress = bindAddress;
        this.port = port;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-watchdog-" + name);
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::checkSessions, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Opens the listening socket (port 0 picks a free port the first time; restarts reuse it). */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            return;
        }
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bindAddress, port), 64);
        port = ss.getLocalPort();
        serverSocket = ss;
        Thread acceptor = new Thread(() -> acceptLoop(ss), "ami-accept-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("lab AMI for {} listening on {}:{}", name, bindAddress.getHostAddress(), port);
        if (tlsCertificate != null) {
            openTls();
        }
    }

    /**
     * Also serves the manager port over TLS (Asterisk's {@code tlsenable}; port 0 picks a free one), with a
     * self-signed certificate made now; the same sessions, the same restarts as the plain port.
     */
    public synchronized LabTlsCertificate startTls(int tlsPort) throws IOException {
        if (tlsCertificate == null) {
            tlsCertificate = LabTlsCertificate.generate("lab AMI " + name);
            this.tlsPort = tlsPort;
        }
        if (serverSocket != null && tlsServerSocket == null) {
            openTls();
        }
        return tlsCertificate;
    }

    private void openTls() throws IOException {
        ServerSocket ss = tlsCertificate.serverSocketFactory().createServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bindAddress, tlsPort), 64);
        tlsPort = ss.getLocalPort();
        tlsServerSocket = ss;
        Thread acceptor = new Thread(() -> acceptLoop(ss), "ami-accept-tls-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("lab AMI for {} listening with TLS on {}:{}", name, bindAddress.getHostAddress(), tlsPort);
    }

    /** The TLS manager port, 0 when {@link #startTls} was not called. */
    public int tlsPort() {
        return tlsCertificate == null ? 0 : tlsPort;
    }

    /** Closes the port and every session (clients see the TCP connection drop). */
    public synchronized void stop() {
        for (ServerSocket ss : new ServerSocket[] {serverSocket, tlsServerSocket}) {
            if (ss != null) {
                try {
                    ss.close();
                } catch (IOException e) {
                    LOG.debug("closing AMI listener", e);
                }
            }
        }
        serverSocket = null;
        tlsServerSocket = null;
        for (AmiSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    /**
     * The "hanging silently" fault: TCP stays open and accepts, but nothing is read or written until thawed,
     * like an Asterisk whose manager threads are deadlocked.
     */
    public void freeze(boolean freeze) {
        frozen = freeze;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public boolean isRunning() {
        return serverSocket != null;
    }

    public String host() {
        return bindAddress.getHostAddress();
    }

    public int port() {
        return port;
    }

    public List<AmiSession> sessions() {
        return List.copyOf(sessions);
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket socket = ss.accept();
                if (ss.isClosed()) {
                    // stop() closed the port while this thread was inside accept(): the JDK still hands over a
                    // connection the kernel completed in that moment. A stopped Asterisk answers nobody.
                    socket.close();
                    return;
                }
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(core, socket, serial.incrementAndGet(), () -> frozen);
                sessions.add(session);
                core.attach(session);
                session.start("ami-" + name + "-" + serial.get());
            } catch (SocketException e) {
                if (!ss.isClosed()) {
                    LOG.warn("lab AMI {} accept failed: {}", name, e.toString());
                }
            } catch (IOException e) {
                LOG.warn("lab AMI {} accept failed: {}", name, e.toString());
            }
        }
    }

    private void checkSessions() {
        long now = System.nanoTime();
        long authLimit = core.clock().realNanos(core.config().authTimeoutMs());
        for (AmiSession s : sessions) {
            if (s.isClosed()) {
                sessions.remove(s);
            } else if (!frozen && s.writeStalled(now)) {
                LOG.warn("lab AMI {}: client {} stopped reading; disconnecting it", name, s.remoteIp());
                s.close();
            } else if (!frozen && !s.authenticated() && now - s.createdNanos() > authLimit) {
                s.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
        watchdog.shutdownNow();
    }
}
