package trunkops.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster's scheduled drills in the state directory, one per line, tab-separated: name, route, trunk, dialer,
 * calls, number, context, from, to, days (MONDAY,...). Written whole (temp file, atomic move); a line that does not
 * parse or validate is skipped with a warning. Holds no secret.
 */
public final class ScheduleFile {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFile.class);

    private final Path file;

    public ScheduleFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public synchronized List<ScheduledDrill> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<ScheduledDrill> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] f = line.split("\t", -1);
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                Arrays.stream(f[9].split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
                ScheduledDrill s = new ScheduledDrill(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), f[5], f[6],
                        LocalTime.parse(f[7]), LocalTime.parse(f[8]), days);
                if (s.problems().isEmpty()) {
                    out.add(s);
                } else {
                    LOG.warn("scheduled drill skipped in {}: {}", file.getFileName(), s.problems());
                }
            } catch (RuntimeException e) {
                LOG.warn("a scheduled drill line in {} does not parse: {}", file.getFileName(), e.toString());
            }
        }
        return out;
    }

    /** Replaces the list; refuses an invalid entry or two with the same name. */
    public synchronized void save(List<ScheduledDrill> drills) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# TrunkOps scheduled drills: name route trunk dialer calls number context from to days");
        Set<String> names = new java.util.HashSet<>();
        for (ScheduledDrill s : drills) {
            if (!s.problems().isEmpty() || !names.add(s.name())) {
                throw new IllegalArgumentException("scheduled drill '" + s.name() + "': "
                        + (s.problems().isEmpty() ? "name used twice" : String.join("; ", s.problems())));
            }
            lines.add(String.join("\t", s.name(), s.route(), s.trunk(), s.serverId(), Integer.toString(s.calls()),
                    s.number(), s.context(), s.from().toString(), s.to().toString(),
                    s.days().stream().sorted().map(Enum::name).collect(Collectors.joining(","))));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
