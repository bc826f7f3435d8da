package trunkops.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw AMI client for tests: sends exact bytes and records every server message (banner first, then each
 * block of lines up to an empty line; an empty line outside a message is recorded as an empty message).
 */
public final class AmiWireClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final List<List<String>> messages = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean eof;

    public AmiWireClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        reader = new Thread(this::readLoop, "test-ami-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (InputStream in = socket.getInputStream()) {
            StringBuilder line = new StringBuilder();
            List<String> current = new ArrayList<>();
            boolean banner = true;
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String l = line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                        ? line.substring(0, line.length() - 1) : line.toString();
                line.setLength(0);
                if (banner) {
                    messages.add(List.of(l));
                    banner = false;
                } else if (l.isEmpty()) {
                    messages.add(List.copyOf(current));
                    current.clear();
                } else {
                    current.add(l);
                }
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            eof = true;
        }
    }

    public void send(String wire) throws IOException {
        out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public List<List<String>> messages() {
        return List.copyOf(messages);
    }

    public int count() {
        return messages.size();
    }

    public boolean closedByServer() {
        return eof;
    }

    /** Waits until at least {@code n} messages arrived (or the server closed); false on timeout. */
    public boolean awaitCount(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < n && !eof) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
            try {
                synchronized (this) {
                    wait(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return messages.size() >= n;
    }

    /** Waits until a message satisfying {@code test} has arrived. */
    public List<String> await(java.util.function.Predicate<List<String>> test, Duration timeout) {
        return awaitFrom(0, test, timeout);
    }

    /** Like {@link #await} but only looks at messages from index {@code from} on (e.g. {@link #count()} earlier). */
    public List<String> awaitFrom(int from, java.util.function.Predicate<List<String>> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = from;
        while (System.nanoTime() < deadline) {
            List<List<String>> now = messages();
            for (int i = seen; i < now.size(); i++) {
                if (test.test(now.get(i))) {
                    return now.get(i);
                }
            }
            seen = now.size();
            if (eof) {
                return null;
            }
            try {
                synchronized (this) {
                    wait(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    public boolean awaitClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eof && System.nanoTime() < deadline) {
            try {
                synchronized (this) {
                    wait(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return eof;
    }

    static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
