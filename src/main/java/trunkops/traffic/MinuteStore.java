package trunkops.traffic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sealed per-minute cells of one cluster under one attribution key, on the workstation (ADR 0011): one file per hour
 * ({@code yyyy/mm/dd/hh.cells} of the database's wall clock) holding the minutes of that hour sealed so far (a
 * 60-bit mask) and, per minute, its cells (carrier, dialer, campaign key as text; attempts, answers, joint outcome
 * counts, dial times) and attribution counts. A minute with no call is sealed too (empty), so "not in the store"
 * always means "read it from the database".
 *
 * <p>The key names the directory: it is a hash of everything attribution reads (patterns, live carriers per
 * dialer, campaign prefixes), the schema's optional columns and {@link #FORMAT}, so a pattern change finds an
 * empty directory and the summaries are rebuilt from the carrier log — never read under other rules.
 *
 * <p>Writers merge into the existing file under a lock (a file lock across processes, a monitor within this JVM)
 * and replace it atomically; readers need no lock. A file that fails its CRC is ignored (its minutes are read from
 * the database again and sealed anew).
 */
public final class MinuteStore {

    private static final Logger LOG = LoggerFactory.getLogger(MinuteStore.class);
    /** Bumped whenever the file layout or the meaning of a cell changes: a new format starts an empty store. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x54524D53;
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;

    private MinuteStore(Path dir) {
        this.dir = dir;
    }

    /** The store of one cluster (named by its database URL) and attribution key, under {@code root}. */
    public static MinuteStore open(Path root, String cluster, String key) {
        return new MinuteStore(root.resolve(hash(cluster).substring(0, 16)).resolve(key));
    }

    /** The store in {@code dir} itself (tools and tests). */
    static MinuteStore at(Path dir) {
        return new MinuteStore(dir);
    }

    /** A stable directory name for an attribution fingerprint and schema flags. */
    static String key(Object fingerprint, boolean sip, boolean vicidialLog) {
        return hash(FORMAT + "|" + sip + "|" + vicidialLog + "|" + fingerprint).substring(0, 24);
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return dir;
    }

    private Path file(long hourMinute) {
        String t = CubeQueries.time(hourMinute).toString(); // 2026-12-05T14:00
        return dir.resolve(t.substring(0, 4)).resolve(t.substring(5, 7)).resolve(t.substring(8, 10))
                .resolve(t.substring(11, 13) + ".cells");
    }

    private static long hourOf(long minute) {
        return Math.floorDiv(minute, 60) * 60;
    }

    /** Which minutes of [from, to) are sealed (a mask per hour, read from the file headers only). */
    public java.util.BitSet covered(long fromMinute, long toMinute) {
        java.util.BitSet out = new java.util.BitSet();
        for (long h = hourOf(fromMinute); h < toMinute; h += 60) {
            long mask = mask(h);
            for (int i = 0; i < 60 && mask != 0; i++) {
                long m = h + i;
                if ((mask >>> i & 1) != 0 && m >= fromMinute && m < toMinute) {
                    out.set((int) (m - fromMinute));
                }
            }
        }
        return out;
    }

    private long mask(long hour) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(hour)), 64))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != hour) {
                return 0;
            }
            return in.readLong();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Adds the sealed minutes of [from, to) to {@code cube}; returns which were (bit i = minute from + i). Minutes
     * of a damaged file are not added.
     */
    java.util.BitSet load(long fromMinute, long toMinute, TrafficCube cube) {
        java.util.BitSet out = new java.util.BitSet();
        for (long h = hourOf(fromMinute); h < toMinute; h += 60) {
            HourFile f = read(h);
            if (f == null) {
                continue;
            }
            for (Map.Entry<Long, MinuteCells> e : f.minutes.entrySet()) {
                long m = e.getKey();
                if (m >= fromMinute && m < toMinute) {
                    e.getValue().addTo(m, cube);
                    out.set((int) (m - fromMinute));
                }
            }
        }
        return out;
    }

    /** Seals the given minutes as {@code cube} holds them (replacing what the store had for them). */
    void seal(TrafficCube cube, List<Long> minutes) throws IOException {
        Map<Long, List<Long>> byHour = new java.util.TreeMap<>();
        minutes.forEach(m -> byHour.computeIfAbsent(hourOf(m), h -> new ArrayList<>()).add(m));
        for (Map.Entry<Long, List<Long>> e : byHour.entrySet()) {
            Map<Long, MinuteCells> fresh = new HashMap<>();
            for (long m : e.getValue()) {
                fresh.put(m, MinuteCells.of(cube, m));
            }
            write(e.getKey(), fresh);
        }
    }

    private void write(long hour, Map<Long, MinuteCells> fresh) throws IOException {
        Path target = file(hour);
        Files.createDirectories(target.getParent());
        Path lockFile = dir.resolve(".lock");
        Object monitor = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new Object());
        synchronized (monitor) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                HourFile old = read(hour);
                Map<Long, MinuteCells> all = new java.util.TreeMap<>(old == null ? Map.of() : old.minutes);
                all.putAll(fresh);
                Path tmp = Files.createTempFile(target.getParent(), ".", ".tmp");
                try {
                    try (OutputStream os = Files.newOutputStream(tmp)) {
                        writeHour(os, hour, all);
                    }
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    private record HourFile(Map<Long, MinuteCells> minutes) {
    }

    private HourFile read(long hour) {
        Path f = file(hour);
        try (InputStream raw = Files.newInputStream(f)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16),
                    crc));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != hour) {
                return null;
            }
            long mask = in.readLong();
            String[] strings = new String[in.readInt()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUTF();
            }
            Map<Long, MinuteCells> minutes = new java.util.TreeMap<>();
            for (int i = 0; i < 60; i++) {
                if ((mask >>> i & 1) != 0) {
                    minutes.put(hour + i, MinuteCells.read(in, strings));
                }
            }
            long sum = crc.getValue();
            if (in.readLong() != sum) {
                LOG.warn("summary file {} is damaged (checksum); its minutes are read from the database", f);
                return null;
            }
            return new HourFile(minutes);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("summary file {} unreadable ({}); its minutes are read from the database", f, e.toString());
            return null;
        }
    }

    private static void writeHour(OutputStream os, long hour, Map<Long, MinuteCells> minutes) throws IOException {
        CRC32 crc = new CRC32();
        CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(os, 1 << 16), crc);
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(hour);
        long mask = 0;
        Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        for (Map.Entry<Long, MinuteCells> e : minutes.entrySet()) {
            mask |= 1L << (e.getKey() - hour);
            e.getValue().strings(ids);
        }
        out.writeLong(mask);
        out.writeInt(ids.size());
        for (String s : ids.keySet()) {
            out.writeUTF(s);
        }
        for (MinuteCells m : minutes.values()) {
            m.write(out, ids);
        }
        out.flush();
        long sum = crc.getValue();
        out.writeLong(sum);
        out.flush();
    }
}
