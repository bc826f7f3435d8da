package trunkops.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The webhook against real local HTTP servers: one that answers, one that is down, one that is slow, one flaky. */
class WebhookSenderTest {

    private static final WebhookSender.Settings FAST = new WebhookSender.Settings(3, Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(400), 10);
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final WebhookSender sender = new WebhookSender(FAST);

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
        sender.close();
    }

    private URI serve(String path, com.sun.net.httpserver.HttpHandler h) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", h);
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.start();
        servers.add(s);
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + path);
    }

    private static void answer(HttpExchange x, int status) throws IOException {
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    @Test
    void postsTheAlertAsJson() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        URI url = serve("/hooks/T0/B0/secret", x -> {
            bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            types.add(x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Content-Type"));
            answer(x, 200);
        });
        Alert a = new Alert(AlertKind.TRUNK_DOWN, "D1/blue", "BLUE", "D1", "blue \"down\" on D1", "line1\nline2",
                Instant.parse("2026-12-05T10:00:00Z"));
        WebhookSender.Delivery d = sender.send(url, AlertJson.of(a, "lab")).get(10, TimeUnit.SECONDS);
        assertTrue(d.delivered(), d.message());
        assertEquals(1, d.attempts());
        assertEquals(List.of("POST application/json; charset=utf-8"), types);
        String body = bodies.get(0);
        assertTrue(body.contains("\"kind\":\"TRUNK_DOWN\""), body);
        assertTrue(body.contains("\"title\":\"blue \\\"down\\\" on D1\""), body);
        assertTrue(body.contains("\"detail\":\"line1\\nline2\""), body);
        assertTrue(body.contains("\"at\":\"2026-12-05T10:00:00Z\""), body);
        assertTrue(body.startsWith("{\"text\":\"[TrunkOps lab] \u2716 blue"), body);
    }

    @Test
    void aServerThatIsDownIsRetriedWithBackoffThenGivenUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        WebhookSender.Delivery d = sender.send(URI.create("http://127.0.0.1:" + port + "/x"), "{}")
                .get(20, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(d.delivered());
        assertEquals(3, d.attempts());
        assertEquals(-1, d.status());
        assertTrue(d.message().startsWith("gave up after 3 attempts"), d.message());
        assertTrue(ms >= 150, "two backoffs (50 + 100 ms) were waited: " + ms + " ms");
    }

    @Test
    void aSlowServerNeverBlocksTheCallerAndTimesOut() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI url = serve("/slow", x -> {
            calls.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS); // holds the request until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200);
        });
        var f = sender.send(url, "{}");
        assertFalse(f.isDone(), "send returned while the server still holds the request");
        WebhookSender.Delivery d = f.get(20, TimeUnit.SECONDS);
        assertFalse(d.delivered());
        assertEquals(3, d.attempts());
        assertTrue(d.message().contains("timed out"), d.message());
        assertEquals(3, calls.get());
    }

    @Test
    void serverErrorsAreRetriedClientErrorsAreNot() throws Exception {
        AtomicInteger n = new AtomicInteger();
        URI flaky = serve("/flaky", x -> answer(x, n.incrementAndGet() < 3 ? 503 : 204));
        WebhookSender.Delivery d = sender.send(flaky, "{}").get(10, TimeUnit.SECONDS);
        assertTrue(d.delivered(), d.message());
        assertEquals(3, d.attempts());
        assertEquals(204, d.status());

        AtomicInteger m = new AtomicInteger();
        URI gone = serve("/gone", x -> {
            m.incrementAndGet();
            answer(x, 404);
        });
        WebhookSender.Delivery e = sender.send(gone, "{}").get(10, TimeUnit.SECONDS);
        assertFalse(e.delivered());
        assertEquals(1, m.get(), "a 404 is final");
        assertEquals("refused: HTTP 404", e.message());
    }

    @Test
    void tooManyWaitingAreDroppedAndCounted() throws Exception {
        URI url = serve("/slow", x -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200);
        });
        for (int i = 0; i < FAST.maxWaiting(); i++) {
            sender.send(url, "{}");
        }
        WebhookSender.Delivery d = sender.send(url, "{}").get(1, TimeUnit.SECONDS);
        assertFalse(d.delivered());
        assertTrue(d.message().startsWith("dropped"), d.message());
        assertEquals(1, sender.dropped());
    }

    @Test
    void onlyHttpAndHttpsAddressesAreAccepted() {
        assertEquals("https", WebhookUrl.parse(" https://hooks.example.com/services/T/B/x ").getScheme());
        for (String bad : new String[] {"", "ftp://x/y", "file:///etc/passwd", "javascript:alert(1)",
                "http:///nohost", "https://h/x y", "https://h/x#frag", "hooks.example.com/x", "http://h/a\nb"}) {
            assertThrows(IllegalArgumentException.class, () -> WebhookUrl.parse(bad), bad);
        }
        assertEquals("https://hooks.example.com/\u2026",
                WebhookUrl.display(WebhookUrl.parse("https://hooks.example.com/services/T/B/secret")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookUrl.parse("gopher://h/secret-token"));
        assertFalse(e.getMessage().contains("secret-token"), "the message does not echo the address");
    }
}
