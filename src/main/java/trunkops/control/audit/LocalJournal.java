package trunkops.control.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;

/**
 * The journal on this machine: one append-only file, one line per record ({@link JournalCodec}), {@code begin} and
 * {@code complete} separate records linked by the entry id. Each append takes the file's lock (other consoles of
 * the same user may share the file), starts on a fresh line if an earlier writer was cut short, and is forced to
 * disk ({@link FileChannel#force}) before it returns: once {@link #begin} returns, a crash cannot lose the entry. A
 * damaged line (a torn last line after a crash, an edit) is skipped and reported in {@link Snapshot#problems()},
 * never fatal. Blocking file IO: never on the FX thread.
 */
public final class LocalJournal implements ControlJournal {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJournal.class);
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a read found: the entries (oldest first), which were synced to the table, and what was skipped. */
    public record Snapshot(List<AuditEntry> entries, Set<String> syncedBegun, Set<String> syncedCompleted,
                           List<String> problems) {

        /** Entries whose begin, or whose completion, has not reached the table yet. */
        public List<AuditEntry> unsynced() {
            return entries.stream().filter(e -> !syncedBegun.contains(e.id())
                    || e.finished() && !syncedCompleted.contains(e.id())).toList();
        }
    }

    private final Path file;
    private final Identity who;
    private final Clock clock;
    private final String cluster;
    private final Map<String, AuditEntry> begunHere = new ConcurrentHashMap<>();

    private LocalJournal(Path file, Identity who, Clock clock, String cluster) {
        this.file = file;
        this.who = who;
        this.clock = clock;
        this.cluster = cluster;
    }

    /** {@link #open(Path, Identity, Clock, String)} for no particular cluster ({@code ""}). */
    public static LocalJournal open(Path file, Identity who, Clock clock) throws JournalException {
        return open(file, who, clock, "");
    }

    /**
     * The journal in {@code file} (created with its directory, owner-only where POSIX, when missing); entries this
     * instance begins are marked with {@code cluster} (one file holds every cluster this machine acted on).
     */
    public static LocalJournal open(Path file, Identity who, Clock clock, String cluster) throws JournalException {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Path dir = abs.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                posix(dir, "rwx------");
            }
            if (!Files.exists(abs)) {
                try {
                    Files.createFile(abs);
                    posix(abs, "rw-------");
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another console created it meanwhile
                }
            }
        } catch (IOException e) {
            throw new JournalException("the audit journal " + abs + " could not be created: " + e.getMessage(), e);
        }
        return new LocalJournal(abs, who, clock, cluster == null ? "" : cluster);
    }

    private static void posix(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("permissions of {} left as they are: {}", p, e.toString());
        }
    }

    public Path file() {
        return file;
    }

    public Identity identity() {
        return who;
    }

    /** The cluster this instance's entries are marked with. */
    public String cluster() {
        return cluster;
    }

    @Override
    public String begin(ControlRequest request, Map<String, String> before) throws JournalException {
        Instant now = clock.instant();
        String id = newId(now);
        AuditEntry e = AuditEntry.begun(id, now, who, cluster, request, before == null ? Map.of() : before);
        append(JournalCodec.begin(e));
        begunHere.put(id, e);
        return id;
    }

    /** The entry {@link #begin} just wrote (for the table copy); null if unknown. */
    AuditEntry begun(String id) {
        return begunHere.get(id);
    }

    @Override
    public void complete(String id, ControlResult result) throws JournalException {
        AuditEntry begun = begunHere.get(id);
        if (begun == null) {
            begun = read().entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() ->
                    new JournalException("audit entry " + id + " is not in " + file + ": nothing to complete", null));
        }
        AuditEntry done = begun.completed(result, clock.instant());
        append(JournalCodec.complete(id, done.completion().orElseThrow()));
        begunHere.remove(id);
    }

    @Override
    public List<ControlRequest> unfinished() throws JournalException {
        return unfinishedEntries().stream().map(AuditEntry::request).toList();
    }

    /**
     * Entries of this instance's cluster begun and never completed, oldest first, with who and when (what the
     * restart report shows; only this cluster's dialers can be read again).
     */
    public List<AuditEntry> unfinishedEntries() throws JournalException {
        return read().entries().stream().filter(e -> !e.finished() && e.cluster().equals(cluster)).toList();
    }

    /** Notes that entry {@code id} (begun, or also completed) is in the table now. */
    public void markSynced(String id, boolean completed) throws JournalException {
        append(JournalCodec.synced(id, completed));
    }

    /** Every entry, oldest first, and what could not be read. */
    public Snapshot read() throws JournalException {
        byte[] bytes;
        synchronized (monitor()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 FileLock lock = ch.lock(0, Long.MAX_VALUE, true)) {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new JournalException("the audit journal " + file + " could not be read: " + e.getMessage(), e);
            }
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    private Snapshot parse(String text) {
        Map<String, AuditEntry> entries = new LinkedHashMap<>();
        Set<String> syncedBegun = new java.util.HashSet<>();
        Set<String> syncedCompleted = new java.util.HashSet<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.isEmpty()) {
                continue;
            }
            try {
                Map<String, String> m = JournalCodec.decode(line);
                String id = m.getOrDefault("id", "");
                switch (m.getOrDefault("t", "")) {
                    case "begin" -> {
                        if (entries.putIfAbsent(id, JournalCodec.entry(m)) != null) {
                            problems.add(where(i) + ": entry " + id + " begun twice; the first counts");
                        }
                    }
                    case "complete" -> {
                        AuditEntry e = entries.get(id);
                        if (e == null) {
                            problems.add(where(i) + ": completes entry " + id + ", which was never begun; ignored");
                        } else if (!e.finished()) {
                            entries.put(id, e.withCompletion(JournalCodec.completion(m)));
                        }
                    }
                    case "synced" -> ("complete".equals(m.get("phase")) ? syncedCompleted : syncedBegun).add(id);
                    default -> problems.add(where(i) + ": unknown record kind; ignored");
                }
            } catch (JournalCodec.BadLine e) {
                problems.add(last ? where(i) + " is incomplete (" + line.length() + " characters, no line end): a"
                        + " write cut short by a crash; ignored" : where(i) + " is damaged (" + e.getMessage()
                        + "); ignored");
            }
        }
        if (!problems.isEmpty()) {
            LOG.warn("audit journal {}: {}", file, String.join("; ", problems));
        }
        syncedBegun.addAll(syncedCompleted);
        return new Snapshot(List.copyOf(entries.values()), syncedBegun, syncedCompleted, problems);
    }

    private String where(int lineIndex) {
        return file.getFileName() + " line " + (lineIndex + 1);
    }

    /** Appends one record and forces it to disk; a torn line left by a crashed writer is closed first. */
    private void append(String line) throws JournalException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (monitor()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                long size = ch.size();
                ByteBuffer buf = ByteBuffer.allocate(bytes.length + 1);
                if (size > 0) {
                    ByteBuffer lastByte = ByteBuffer.allocate(1);
                    ch.read(lastByte, size - 1);
                    if (lastByte.get(0) != '\n') {
                        buf.put((byte) '\n');
                    }
                }
                buf.put(bytes).flip();
                long at = size;
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
                ch.force(true);
            } catch (IOException | RuntimeException e) {
                throw new JournalException("the audit journal " + file + " could not be written (" + e.getMessage()
                        + "): the action is not sent", e);
            }
        }
    }

    private Object monitor() {
        return MONITORS.computeIfAbsent(file, f -> new Object());
    }

    /** Sortable by time, unique across consoles: {@code 20261205T072201.123Z-3f9a1c2e}. */
    static String newId(Instant at) {
        return ID_TIME.format(at) + "-" + String.format("%08x", RANDOM.nextInt());
    }
}
