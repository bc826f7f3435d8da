package trunkops.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import trunkops.text.SecretText;

/**
 * Reads AMI lines (ended by CRLF) from a byte stream with bounded memory, one whole frame at a time: a frame's
 * lines are handed out only once its closing empty line has arrived, so a frame that is too large (a line over
 * {@link WireLimits#maxLineBytes()}, or more lines or bytes than the frame limits) is dropped whole and reported
 * to {@code dropped} with the reason — asterisk-java's reader never sees a piece of it. An endless line costs
 * no more than one line buffer: its bytes are skipped until the next CRLF. The banner line
 * ({@code Asterisk Call Manager/...}), which no empty line follows, is handed out on its own. Frames asterisk-java's
 * reader cannot survive or would hold without bound ({@link AsteriskJavaFrameGuard}) are dropped and reported the
 * same way. A secret header's value ({@code Password} of a PJSIP {@code AuthDetail}, see {@link SecretText}) is masked
 * here, before asterisk-java or anything else of the console sees it.
 */
final class AmiFrameReader {

    private static final String TOO_LONG = new String("line too long"); // identity sentinel

    private final InputStream in;
    private final WireLimits limits;
    private final AsteriskJavaFrameGuard guard;
    private final Consumer<String> dropped;
    private final byte[] buf = new byte[8192];
    private final byte[] line;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private int pos;
    private int limit;
    private int rawBytes;

    AmiFrameReader(InputStream in, WireLimits limits, AsteriskJavaFrameGuard guard, Consumer<String> dropped) {
        this.in = in;
        this.limits = limits;
        this.guard = guard;
        this.dropped = dropped;
        this.line = new byte[limits.maxLineBytes()];
    }

    /** The next line of a complete frame (the empty line included), or null at the end of the stream. */
    String readLine() throws IOException {
        String next = pending.poll();
        return next != null ? next : readFrame();
    }

    private String readFrame() throws IOException {
        List<String> lines = new ArrayList<>();
        int bytes = 0;
        String oversize = null;
        while (true) {
            String l = readRawLine();
            if (l == null) {
                return null; // a frame cut off by the end of the stream is never handed out
            }
            if (l == TOO_LONG) {
                oversize = "a line longer than " + limits.maxLineBytes() + " bytes";
                lines.clear();
            } else if (l.isEmpty()) {
                if (oversize != null) {
                    dropped.accept("frame with " + oversize);
                    oversize = null;
                    bytes = 0;
                } else if (!lines.isEmpty()) {
                    String fatal = guard.check(lines);
                    if (fatal == null) {
                        lines.forEach(x -> pending.add(SecretText.maskAmiLine(x)));
                        pending.add("");
                        return pending.poll();
                    }
                    dropped.accept("frame with " + fatal);
                    lines.clear();
                    bytes = 0;
                }
            } else if (oversize == null) {
                if (lines.isEmpty() && isBanner(l)) {
                    return l;
                }
                bytes += rawBytes + 2;
                lines.add(l);
                if (lines.size() > limits.maxFrameLines()) {
                    oversize = "more than " + limits.maxFrameLines() + " lines";
                    lines.clear();
                } else if (bytes > limits.maxFrameBytes()) {
                    oversize = "more than " + limits.maxFrameBytes() + " bytes";
                    lines.clear();
                }
            }
        }
    }

    private static boolean isBanner(String l) {
        return l.startsWith("Asterisk Call Manager/") || l.startsWith("Asterisk Call Manager Proxy/")
                || l.startsWith("Asterisk Manager Proxy/");
    }

    /** One line without its CRLF; {@link #TOO_LONG} for a line that did not fit (skipped); null at end of stream. */
    private String readRawLine() throws IOException {
        int n = 0;
        boolean tooLong = false;
        boolean cr = false;
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            byte b = buf[pos++];
            if (cr && b == '\n') {
                rawBytes = n;
                return tooLong ? TOO_LONG : new String(line, 0, n, StandardCharsets.UTF_8);
            }
            if (cr) { // a lone CR is data
                if (n < line.length) {
                    line[n++] = '\r';
                } else {
                    tooLong = true;
                }
            }
            cr = b == '\r';
            if (!cr) {
                if (n < line.length) {
                    line[n++] = b;
                } else {
                    tooLong = true;
                }
            }
        }
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        while (r == 0) {
            r = in.read(buf, 0, buf.length);
        }
        if (r < 0) {
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }
}
