package trunkops.lab.ami;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a client's byte stream into messages the way Asterisk's manager (get_input / do_message) does:
 * a line ends at CRLF or at a bare LF (a lone CR stays in the line); a line is cut at its first NUL (a line
 * starting with NUL is empty); a message ends at an empty line, and an empty line with no headers before it is
 * itself an (empty) message; a line longer than the 1024-byte buffer is discarded and flags the message; the
 * 129th and later header lines are dropped and flag the message.
 */
final class AmiLineReader {

    /** Asterisk's input buffer: a line plus its terminator must fit in 1024 bytes. */
    static final int MAX_LINE = 1024;
    /** AST_MAX_MANHEADERS. */
    static final int MAX_HEADERS = 128;

    /** A complete message, or null at end of stream. */
    record Result(AmiRequest request, boolean lineTooLong, String discardedPrefix) {
    }

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;
    private boolean overflowed;
    private String overflowPrefix;

    AmiLineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next message (blocking); null at end of stream. */
    Result next() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean lost = false;
        boolean tooLong = false;
        String prefix = null;
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (overflowed) {
                tooLong = true;
                prefix = overflowPrefix;
                overflowed = false;
            }
            if (line.isEmpty()) {
                return new Result(new AmiRequest(lines, lost), tooLong, prefix);
            }
            if (lines.size() < MAX_HEADERS) {
                lines.add(line);
            } else {
                lost = true;
            }
        }
    }

    /** One line without its terminator; long lines keep only their tail, as Asterisk's buffer does. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return null;
                }
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                int nul = sb.indexOf("\u0000");
                return nul >= 0 ? sb.substring(0, nul) : sb.toString();
            }
            sb.append((char) (b & 0xFF));
            if (sb.length() >= MAX_LINE) {
                if (!overflowed) {
                    overflowPrefix = sb.substring(0, 25);
                }
                overflowed = true;
                char last = sb.charAt(sb.length() - 1);
                sb.setLength(0);
                sb.append(last);
            }
        }
    }
}
