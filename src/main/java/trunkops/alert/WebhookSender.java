package trunkops.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to a webhook with {@code java.net.http}, never blocking the caller: {@link #send} returns a future at
 * once. A failed attempt (no connection, a timeout, HTTP 5xx, 408 or 429) is tried again after a backoff that doubles
 * ({@code 1 s, 2 s, 4 s} by default); any other answer outside 2xx is final (the address or the payload is wrong,
 * retrying changes nothing). At most {@code maxWaiting} deliveries wait at a time; more are dropped and counted.
 * Redirects are not followed (the body, with the alert, goes only where it was configured to).
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /**
     * @param attempts        tries per delivery (first one included)
     * @param firstBackoff    wait before the second try; doubled for each next one, up to {@code maxBackoff}
     * @param connectTimeout  TCP (and TLS) connect limit per try
     * @param requestTimeout  whole-answer limit per try (a slow server fails the try)
     * @param maxWaiting      deliveries in progress at most
     */
    public record Settings(int attempts, Duration firstBackoff, Duration maxBackoff, Duration connectTimeout,
                           Duration requestTimeout, int maxWaiting) {
        public static Settings defaults() {
            return new Settings(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(3),
                    Duration.ofSeconds(5), 200);
        }
    }

    /**
     * How a delivery ended.
     *
     * @param status the last HTTP status, -1 when no answer came
     */
    public record Delivery(boolean delivered, int attempts, int status, String message) {
    }

    private final Settings settings;
    private final ExecutorService io;
    private final ScheduledExecutorService retries;
    private final HttpClient client;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    public WebhookSender(Settings settings) {
        this.settings = settings;
        this.io = Executors.newFixedThreadPool(2, daemon("webhook-io"));
        this.retries = Executors.newSingleThreadScheduledExecutor(daemon("webhook-retry"));
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).executor(io)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        };
    }

    /** Deliveries dropped because too many were waiting. */
    public long dropped() {
        return dropped.get();
    }

    /** Sends {@code json} to {@code url} (checked with {@link WebhookUrl#parse}); returns at once. */
    public CompletableFuture<Delivery> send(URI url, String json) {
        CompletableFuture<Delivery> done = new CompletableFuture<>();
        if (waiting.incrementAndGet() > settings.maxWaiting()) {
            waiting.decrementAndGet();
            long n = dropped.incrementAndGet();
            done.complete(new Delivery(false, 0, -1, "dropped: " + settings.maxWaiting()
                    + " webhook deliveries already waiting (" + n + " dropped so far)"));
            return done;
        }
        done.whenComplete((d, e) -> waiting.decrementAndGet());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "TrunkOps")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        attempt(request, 1, done);
        return done;
    }

    private void attempt(HttpRequest request, int n, CompletableFuture<Delivery> done) {
        CompletableFuture<HttpResponse<String>> f;
        try {
            f = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) { // e.g. the executor is shut down
            done.complete(new Delivery(false, n, -1, "not sent: " + e));
            return;
        }
        f.whenComplete((response, error) -> {
            int status = response == null ? -1 : response.statusCode();
            if (error == null && status / 100 == 2) {
                done.complete(new Delivery(true, n, status, "delivered (HTTP " + status + ")"));
                return;
            }
            String why = error != null ? cause(error) : "HTTP " + status;
            boolean retryable = error != null || status >= 500 || status == 408 || status == 429;
            if (!retryable || n >= settings.attempts()) {
                String m = (retryable ? "gave up after " + n + " attempts: " : "refused: ") + why;
                LOG.warn("webhook {}: {}", WebhookUrl.display(request.uri()), m);
                done.complete(new Delivery(false, n, status, m));
                return;
            }
            long wait = Math.min(settings.maxBackoff().toMillis(), settings.firstBackoff().toMillis() << (n - 1));
            LOG.info("webhook {}: attempt {} failed ({}), next in {} ms", WebhookUrl.display(request.uri()), n, why,
                    wait);
            try {
                retries.schedule(() -> attempt(request, n + 1, done), wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                done.complete(new Delivery(false, n, status, "closed before retrying: " + why));
            }
        });
    }

    private static String cause(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String name = c instanceof java.net.http.HttpTimeoutException ? "timed out"
                : c instanceof java.net.ConnectException ? "connection refused or unreachable"
                : c.getClass().getSimpleName();
        return c.getMessage() == null || c instanceof java.net.http.HttpTimeoutException ? name
                : name + " (" + c.getMessage() + ")";
    }

    @Override
    public void close() {
        retries.shutdownNow();
        io.shutdownNow();
    }
}
