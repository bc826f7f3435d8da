package trunkops.alert.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.stage.Window;

import org.controlsfx.control.Notifications;

import trunkops.alert.AlertCenter;
import trunkops.alert.AlertKind;
import trunkops.text.SafeText;
import trunkops.ui.common.UiExecutor;

/**
 * Desktop notifications (ControlsFX {@link Notifications}) for delivered alerts. {@link #accept} may be called from
 * any thread and returns at once: alerts are queued and one hop to the FX thread shows them; a burst that arrived
 * before the FX thread ran (a carrier outage, the first snapshot) becomes at most {@value #BURST} notifications plus
 * one "and n more". Showing never waits (the popups hide by themselves after 8 s). With no window open, nothing is
 * shown (tests, the headless commands).
 */
public final class DesktopNotifier implements Consumer<AlertCenter.Item> {

    static final int BURST = 3;

    private final UiExecutor ui;
    private final ConcurrentLinkedQueue<AlertCenter.Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean enabled = true;
    private volatile Consumer<String> shown = s -> { };

    public DesktopNotifier(UiExecutor ui) {
        this.ui = ui;
    }

    public void enabled(boolean on) {
        this.enabled = on;
    }

    /** Sees every notification's text as it is shown (tests). */
    public void onShown(Consumer<String> l) {
        this.shown = l;
    }

    @Override
    public void accept(AlertCenter.Item item) {
        if (!enabled) {
            return;
        }
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::flush);
        }
    }

    /** FX thread. */
    private void flush() {
        scheduled.set(false);
        List<AlertCenter.Item> batch = new ArrayList<>();
        for (AlertCenter.Item i = queue.poll(); i != null; i = queue.poll()) {
            batch.add(i);
        }
        int show = batch.size() > BURST + 1 ? BURST : batch.size();
        for (int k = 0; k < show; k++) {
            AlertCenter.Item i = batch.get(k);
            popup(i.alert().kind().words(), i.alert().text(), i.alert().severity());
        }
        if (batch.size() > show) {
            popup((batch.size() - show) + " more alerts", "see the Alerts tab", AlertKind.Severity.WARNING);
        }
    }

    private void popup(String title, String text, AlertKind.Severity severity) {
        String t = SafeText.display(title);
        String body = SafeText.display(text);
        shown.accept(t + ": " + body);
        if (Window.getWindows().isEmpty()) {
            return;
        }
        Notifications n = Notifications.create().title("TrunkOps \u2014 " + t).text(body)
                .hideAfter(javafx.util.Duration.seconds(8)).position(Pos.BOTTOM_RIGHT);
        if (severity == AlertKind.Severity.CRITICAL || severity == AlertKind.Severity.WARNING) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
