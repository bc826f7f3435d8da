package trunkops.traffic.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

import trunkops.ui.common.Snapshots;
import trunkops.ui.common.UiExecutor;

/**
 * CSV and PNG export for the traffic views: the image is taken on the FX thread, every file is written on the
 * {@code io} executor, the outcome is shown in a status label. Where the file goes is asked through a chooser
 * ({@link FileChooser} by default; tests set their own).
 */
final class ViewExport {

    /** Asks where to save: the node it is for and a suggested file name; empty when cancelled. */
    interface Target extends BiFunction<Node, String, Optional<Path>> {
    }

    /** Writes CSV text. */
    interface CsvWriter {
        void write(Writer w) throws IOException;
    }

    private final Executor io;
    private final UiExecutor ui;
    private final Label status;
    private final Snapshots snapshots = new Snapshots();
    private Target target = ViewExport::choose;

    ViewExport(Executor io, UiExecutor ui, Label status) {
        this.io = io;
        this.ui = ui;
        this.status = status;
    }

    void target(Target t) {
        target = t;
    }

    Optional<Path> ask(Node owner, String suggested) {
        return target.apply(owner, suggested);
    }

    private static Optional<Path> choose(Node owner, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        java.io.File f = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    /** Snapshots {@code node} now (FX thread) and writes it as PNG on the io executor. */
    CompletableFuture<Path> png(Node node, Path file) {
        return png(node.snapshot(null, null), file);
    }

    /** Writes an image already taken (FX thread) as PNG on the io executor. */
    CompletableFuture<Path> png(WritableImage image, Path file) {
        return report(CompletableFuture.supplyAsync(() -> {
            try {
                snapshots.writePng(image, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io), "PNG");
    }

    /** Writes a file by {@code writer} on the io executor; {@code what} names it in the status ("PDF"). */
    CompletableFuture<Path> file(Path file, String what, FileWriter writer) {
        return report(CompletableFuture.supplyAsync(() -> {
            try {
                writer.write(file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io), what);
    }

    /** Writes a whole file. */
    interface FileWriter {
        void write(Path file) throws IOException;
    }

    /** Writes CSV on the io executor. */
    CompletableFuture<Path> csv(Path file, CsvWriter writer) {
        return report(CompletableFuture.supplyAsync(() -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    writer.write(w);
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io), "CSV");
    }

    private CompletableFuture<Path> report(CompletableFuture<Path> f, String what) {
        return f.whenComplete((p, e) -> ui.execute(() -> status.setText(e == null ? what + " saved: " + p
                : what + " export failed: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))));
    }
}
