package trunkops.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import trunkops.testutil.AmiTranscript;

/**
 * Seeded mutations of the server messages of the real Asterisk 20 transcripts (fixtures/ami): what a broken or
 * hostile manager port might send. Each call of {@link #next()} gives the bytes of one frame and counts its kind.
 */
final class AmiFrameMutator {

    enum Kind { VALID, TRUNCATED, BYTE_FLIPS, HUGE_LINE, MANY_HEADERS, NO_CRLF, NUL_ESC, BAD_NUMBER, DUPLICATE_KEYS,
        UNKNOWN_EVENT }

    private static final String[] BAD_NUMBERS = {"12x", "", "-", "99999999999999999999", "NaN", "0x1F", "1e9",
        "\u0661\u0662", "-0", " 7 ", "+", "2147483648", "1.5", "\u0000"};
    private static final String[] NASTY = {"\u0000", "\u001b[2J", "\u001b]0;pwned\u0007", "\r", "\n",
        "\u202e", "\u200b", "\u00ff\u00fe", "\u2028", "\\", "%n%s", "\u0085"};

    private final List<List<String>> corpus;
    private final SplittableRandom rnd;
    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);

    AmiFrameMutator(long seed) throws IOException {
        this.corpus = corpus();
        this.rnd = new SplittableRandom(seed);
    }

    /** Every server message of every transcript but the banners. */
    static List<List<String>> corpus() throws IOException {
        Path dir;
        try {
            dir = Path.of(AmiFrameMutator.class.getResource("/ami-fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<List<String>> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ami")).sorted().toList()) {
                for (AmiTranscript.Connection c : AmiTranscript.load(f.getFileName().toString()).connections()) {
                    for (AmiTranscript.Server m : c.serverMessages()) {
                        if (!m.lines().isEmpty() && !m.lines().get(0).startsWith("Asterisk Call Manager")) {
                            frames.add(m.lines());
                        }
                    }
                }
            }
        }
        return List.copyOf(frames);
    }

    int corpusSize() {
        return corpus.size();
    }

    Map<Kind, Long> counts() {
        return Map.copyOf(counts);
    }

    byte[] next() {
        List<String> lines = new ArrayList<>(corpus.get(rnd.nextInt(corpus.size())));
        int r = rnd.nextInt(1000);
        Kind kind = r < 150 ? Kind.VALID : r < 260 ? Kind.TRUNCATED : r < 400 ? Kind.BYTE_FLIPS
                : r < 404 ? Kind.HUGE_LINE : r < 408 ? Kind.MANY_HEADERS : r < 500 ? Kind.NO_CRLF
                : r < 620 ? Kind.NUL_ESC : r < 780 ? Kind.BAD_NUMBER : r < 880 ? Kind.DUPLICATE_KEYS
                : Kind.UNKNOWN_EVENT;
        counts.merge(kind, 1L, Long::sum);
        switch (kind) {
            case HUGE_LINE -> lines.add(rnd.nextInt(lines.size() + 1), "X-Huge: "
                    + "h".repeat(rnd.nextInt(10) == 0 ? 8_000 + rnd.nextInt(1 << 20) : 8_000 + rnd.nextInt(60_000)));
            case MANY_HEADERS -> {
                int n = 400 + rnd.nextInt(rnd.nextInt(4) == 0 ? 10_000 : 1_000);
                for (int i = 0; i < n; i++) {
                    lines.add("X-Many-" + i + ": " + i);
                }
            }
            case NUL_ESC -> {
                int i = rnd.nextInt(lines.size());
                String l = lines.get(i);
                int at = rnd.nextInt(l.length() + 1);
                lines.set(i, l.substring(0, at) + NASTY[rnd.nextInt(NASTY.length)] + l.substring(at));
            }
            case BAD_NUMBER -> {
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    int colon = l.indexOf(": ");
                    if (colon > 0 && l.substring(colon + 2).matches("-?[0-9.]+") && rnd.nextBoolean()) {
                        lines.set(i, l.substring(0, colon + 2) + BAD_NUMBERS[rnd.nextInt(BAD_NUMBERS.length)]);
                    }
                }
                lines.add("Time: " + BAD_NUMBERS[rnd.nextInt(BAD_NUMBERS.length)]);
            }
            case DUPLICATE_KEYS -> {
                String l = lines.get(rnd.nextInt(lines.size()));
                int copies = 1 + rnd.nextInt(50);
                for (int i = 0; i < copies; i++) {
                    lines.add(rnd.nextInt(lines.size() + 1), l + (rnd.nextBoolean() ? "" : i));
                }
            }
            case UNKNOWN_EVENT -> {
                lines.clear();
                lines.add("Event: Fz" + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36));
                for (int i = rnd.nextInt(12); i > 0; i--) {
                    lines.add("Fz" + rnd.nextInt(100) + ": " + rnd.nextInt());
                }
            }
            default -> {
            }
        }
        byte[] wire = wire(lines);
        return switch (kind) {
            case TRUNCATED -> java.util.Arrays.copyOf(wire, rnd.nextInt(wire.length));
            case BYTE_FLIPS -> {
                for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
                    wire[rnd.nextInt(wire.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                yield wire;
            }
            case NO_CRLF -> noCrlf(wire);
            default -> wire;
        };
    }

    private byte[] noCrlf(byte[] wire) {
        String s = new String(wire, StandardCharsets.ISO_8859_1);
        s = switch (rnd.nextInt(3)) {
            case 0 -> s.replace("\r\n", "\n");
            case 1 -> s.replace("\r\n", "");
            default -> s.substring(0, s.length() - 2); // the closing empty line is missing
        };
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] wire(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : lines) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }
}
