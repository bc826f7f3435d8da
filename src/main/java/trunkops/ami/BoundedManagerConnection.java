package trunkops.ami;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's manager connection with the console's own socket: bounded lines and frames
 * ({@link AmiFrameReader}), and optionally TLS with certificate checking ({@link AmiTls}). asterisk-java creates a
 * new socket through {@link #createSocket()} on every (re)connect, so the bounds hold for its reconnects too.
 */
final class BoundedManagerConnection extends ManagerConnectionImpl {

    private final AmiTarget target;
    private final WireLimits limits;
    private final Consumer<String> dropped;
    /** asterisk-java keeps one reader (and its bridge bookkeeping) for the life of this object: so does the guard. */
    private final AsteriskJavaFrameGuard guard = new AsteriskJavaFrameGuard();
    private volatile int connectTimeoutMs;
    private volatile int readTimeoutMs;

    /**
     * @param dropped told (on asterisk-java's reader thread) about every frame dropped for its size, with the
     *                reason; it must return quickly
     */
    BoundedManagerConnection(AmiTarget target, char[] secret, WireLimits limits, Consumer<String> dropped) {
        this.target = target;
        this.limits = limits;
        this.dropped = dropped;
        setHostname(target.host());
        setPort(target.port());
        setUsername(target.username());
        setPassword(new String(secret));
    }

    @Override
    public void setSocketTimeout(int socketTimeout) {
        connectTimeoutMs = socketTimeout;
        super.setSocketTimeout(socketTimeout);
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        readTimeoutMs = socketReadTimeout;
        super.setSocketReadTimeout(socketReadTimeout);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        AmiTls tls = target.tls();
        Socket s = tls == null ? new Socket() : tls.context().getSocketFactory().createSocket();
        try {
            s.setSoTimeout(readTimeoutMs);
            s.connect(new InetSocketAddress(target.host(), target.port()), connectTimeoutMs);
            if (s instanceof SSLSocket ssl) {
                if (tls.checksHostName()) {
                    SSLParameters p = ssl.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    ssl.setSSLParameters(p);
                }
                ssl.startHandshake(); // fails here, before any secret is sent, when the certificate is not trusted
            }
            return new AmiSocket(s, limits, guard, dropped);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
