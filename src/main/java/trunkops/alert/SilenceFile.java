package trunkops.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This console's silences, so they outlive a restart: one tab-separated line per silence ({@code id, scope, until ms,
 * created ms, by, reason}; tab, newline and backslash escaped), written whole to a temporary file and moved over the
 * old one. No secret is in it. Blocking file IO: never on the FX thread.
 */
public final class SilenceFile {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceFile.class);
    private final Path file;

    public SilenceFile(Path file) {
        this.file = file;
    }

    /** The silences still active at {@code now}; a line that cannot be read is skipped and logged. */
    public List<Silence> load(Instant now) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Silence> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                Silence s = new Silence(unescape(f[0]), unescape(f[1]), Instant.ofEpochMilli(Long.parseLong(f[2])),
                        unescape(f[5]), unescape(f[4]), Instant.ofEpochMilli(Long.parseLong(f[3])));
                if (s.active(now)) {
                    out.add(s);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: a silence line was not understood and is ignored ({})", file, e.toString());
            }
        }
        return out;
    }

    public void save(List<Silence> silences) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder b = new StringBuilder();
        for (Silence s : silences) {
            b.append(escape(s.id())).append('\t').append(escape(s.scope())).append('\t')
                    .append(s.until().toEpochMilli()).append('\t').append(s.created().toEpochMilli()).append('\t')
                    .append(escape(s.by())).append('\t').append(escape(s.reason())).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
