package trunkops.lab.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh per-run directories under target/ (never under java.io.tmpdir, see toolchain.md pitfall 8). */
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
}
