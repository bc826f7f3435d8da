package trunkops.ami;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;


/**
 * asterisk-java logs every field it cannot convert (an unparseable number, a field without a setter) at ERROR or
 * WARN with a ~2 KB stack trace, once per event: a hostile or broken manager port filled stderr with 27 MB in one
 * run. This Logback turbo filter (installed in logback.xml) takes asterisk-java's WARN and ERROR lines that their
 * logger's level lets through, counts them per kind, and writes one line per kind per minute with the count and the
 * last message (escaped, no stack trace): the first of a kind at once, then the count of each minute when the next
 * one arrives after it (a minute with no later line is not reported). The full lines, stack included, are kept at
 * DEBUG: set {@code org.asteriskjava} to DEBUG to see each one. At most 64 kinds; further ones count as "other".
 */
public final class AmiLibraryLogThrottle extends TurboFilter {

    private static final Logger SUMMARY = LoggerFactory.getLogger("trunkops.ami.asterisk-java");
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_KINDS = 64;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final long windowNanos;

    public AmiLibraryLogThrottle() {
        this(WINDOW_NANOS);
    }

    AmiLibraryLogThrottle(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    private static final class Window {
        final AtomicLong count = new AtomicLong();
        volatile long startNanos;
        volatile boolean started;
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                              Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.asteriskjava")
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String message = format == null ? "" : format;
        if (logger.isDebugEnabled()) {
            logger.debug("(was " + level + ") " + message, t);
        }
        count(kind(logger.getName(), message, t), message);
        return FilterReply.DENY;
    }

    private void count(String someKind, String message) {
        String kind = windows.size() < MAX_KINDS || windows.containsKey(someKind) ? someKind
                : "other asterisk-java warning";
        Window w = windows.computeIfAbsent(kind, k -> new Window());
        long n = w.count.incrementAndGet();
        long now = System.nanoTime();
        synchronized (w) {
            if (w.started && now - w.startNanos < windowNanos) {
                return;
            }
            long since = w.started ? now - w.startNanos : 0;
            w.started = true;
            w.startNanos = now;
            w.count.addAndGet(-n);
            String last = message.length() > 240 ? message.substring(0, 240) + "…" : message;
            if (since == 0) {
                SUMMARY.warn("asterisk-java: {} (further ones are counted, one line a minute; set org.asteriskjava"
                        + " to DEBUG for each in full): {}", kind, last);
            } else {
                SUMMARY.warn("asterisk-java: {} x {} in the last {} s, last: {}", n, kind,
                        TimeUnit.NANOSECONDS.toSeconds(since), last);
            }
        }
    }

    static String kind(String logger, String message, Throwable t) {
        if (message.startsWith("Unable to convert value") || t instanceof NumberFormatException
                || t != null && t.getCause() instanceof NumberFormatException) {
            return "unparseable value in an AMI field";
        }
        if (message.contains(": no setter")) {
            return "AMI field asterisk-java does not know";
        }
        if (message.startsWith("Unable to set property")) {
            return "AMI field asterisk-java could not set";
        }
        return logger.substring(logger.lastIndexOf('.') + 1) + ": " + wordsBeforeData(message);
    }

    /** At most the first five words, up to the first quote, bracket, colon or digit: the kind, never the data. */
    private static String wordsBeforeData(String message) {
        int end = 0;
        int words = 0;
        while (end < message.length() && "'\"[:(=\n".indexOf(message.charAt(end)) < 0
                && !Character.isDigit(message.charAt(end))) {
            if (message.charAt(end) == ' ' && ++words == 5) {
                break;
            }
            end++;
        }
        return message.substring(0, end).strip();
    }
}
