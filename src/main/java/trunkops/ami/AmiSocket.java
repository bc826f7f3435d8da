package trunkops.ami;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's view of one AMI TCP (or TLS) connection, reading through an {@link AmiFrameReader} so that one
 * connection holds at most one bounded frame, where asterisk-java's own facade reads unbounded lines.
 */
final class AmiSocket implements SocketConnectionFacade {

    private final Socket socket;
    private final AmiFrameReader reader;
    private final BufferedWriter writer;

    AmiSocket(Socket socket, WireLimits limits, AsteriskJavaFrameGuard guard, Consumer<String> dropped)
            throws IOException {
        this.socket = socket;
        this.reader = new AmiFrameReader(socket.getInputStream(), limits, guard, dropped);
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String readLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void write(String s) throws IOException {
        writer.write(s);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
