package trunkops.app;

import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.AmiLinkState;
import trunkops.app.ui.MainView;
import trunkops.health.BoardSnapshot;
import trunkops.health.TrunkState;
import trunkops.ui.common.Snapshots;

/**
 * {@code --screenshot=<png>}: waits until the console shows real data (topology read, every dialer's link in a
 * definite state, no trunk of a connected dialer left UNKNOWN) and shows the chosen tab — by number or by name, waiting
 * until it exists, since the Audit, Alerts and Drills tabs are added once the session has opened — lets it settle, and
 * writes the window to a PNG. Used to refresh the README's images from the real application.
 */
final class ScreenshotWhenReady {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotWhenReady.class);
    private static final long TIMEOUT_MS = 180_000;

    private final MainView view;
    private final Scene scene;
    private final Path file;
    private final ScheduledExecutorService scheduler;
    private final long startNanos = System.nanoTime();
    private long readySinceNanos;

    private final long minDelayMs;
    private String tab = "1";
    private boolean tabShown;

    ScreenshotWhenReady(MainView view, Scene scene, String file, long minDelayMs, ScheduledExecutorService scheduler) {
        this.minDelayMs = minDelayMs;
        this.view = view;
        this.scene = scene;
        this.file = Path.of(file);
        this.scheduler = scheduler;
    }

    /** The tab to show: its number (1 = the board) or its name, case-insensitive ({@code +} for a space). */
    ScreenshotWhenReady tab(String spec) {
        this.tab = spec == null || spec.isBlank() ? "1" : spec.strip().replace('+', ' ');
        return this;
    }

    void arm() {
        scheduler.scheduleWithFixedDelay(() -> Platform.runLater(this::check), 500, 500, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (readySinceNanos < 0) {
            return;
        }
        BoardSnapshot s = view.lastSnapshot();
        boolean ready = s != null && s.topology() != null && !s.servers().isEmpty()
                && s.servers().stream().allMatch(v -> v.link() != null && v.link().state() != AmiLinkState.IDLE
                        && v.link().state() != AmiLinkState.CONNECTING)
                && s.trunks().stream().noneMatch(t -> t.state() == TrunkState.UNKNOWN && s.servers().stream()
                        .anyMatch(v -> v.serverId().equals(t.serverId()) && v.link().state() == AmiLinkState.CONNECTED));
        if (ready && !tabShown) {
            tabShown = select(mainTabs(scene), tab);
            ready = false; // settle from the moment the tab shows
        }
        long now = System.nanoTime();
        if (ready && readySinceNanos == 0) {
            readySinceNanos = now;
        }
        boolean settled = ready && now - readySinceNanos > TimeUnit.MILLISECONDS.toNanos(3_000)
                && now - startNanos > TimeUnit.MILLISECONDS.toNanos(minDelayMs);
        boolean timedOut = now - startNanos > TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        if (settled || timedOut) {
            if (timedOut && !settled) {
                LOG.warn("screenshot taken after {} s without every dialer connected{}", TIMEOUT_MS / 1000,
                        tabShown ? "" : " and without the tab " + tab);
            }
            readySinceNanos = -1;
            WritableImage image = new Snapshots().take(scene);
            scheduler.execute(() -> {
                try {
                    new Snapshots().writePng(image, file);
                    LOG.info("screenshot written to {}", file.toAbsolutePath());
                } catch (java.io.IOException e) {
                    LOG.error("could not write the screenshot {}: {}", file, e.toString());
                }
            });
        }
    }

    /** The window's main tabs: the outermost TabPane (lookups go depth-first, parents before children). */
    static TabPane mainTabs(Scene scene) {
        return scene.getRoot().lookupAll(".tab-pane").stream().filter(TabPane.class::isInstance)
                .map(TabPane.class::cast).findFirst().orElse(null);
    }

    /** Selects tab {@code spec} (a 1-based number or a tab's name, case-insensitive); false while it does not exist. */
    static boolean select(TabPane tabs, String spec) {
        if (tabs == null) {
            return false;
        }
        if (spec.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(spec);
            if (n < 1 || n > tabs.getTabs().size()) {
                return false;
            }
            tabs.getSelectionModel().select(n - 1);
            return true;
        }
        for (Tab t : tabs.getTabs()) {
            String name = t.getText() == null ? "" : t.getText().replaceFirst(" \\(Ctrl\\+[0-9]\\)$", "").strip();
            if (name.equalsIgnoreCase(spec)) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }
}
