package trunkops.lab.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh per-run directories under target/ (never under java.io.tmpdir, see docs/design.md, toolchain pitfall 8). */
final class TestDirs {

    private TestDirs() {
    }

    static Path fresh(String name) {
        Path root = Path.of("target", "lab-db-tests").toAbsolutePath();
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a lab's data dir and its {@code .run} sibling (a fresh data dir is over 100 MB). */
    static void deleteLab(Path dataDir) {
        deleteTree(dataDir);
        deleteTree(dataDir.resolveSibling(dataDir.getFileName() + ".run"));
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
