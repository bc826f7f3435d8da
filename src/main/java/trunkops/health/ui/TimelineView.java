package trunkops.health.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

import trunkops.health.TimelineEntry;
import trunkops.text.SafeText;

/** The most recent state changes, newest first: trunk verdicts, AMI links, the database. */
public final class TimelineView extends ListView<TimelineEntry> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");

    public TimelineView() {
        setId("timeline");
        getStyleClass().add("timeline");
        setCellFactory(v -> new Cell());
        setPlaceholder(new javafx.scene.control.Label("No changes yet"));
    }

    public void show(List<TimelineEntry> entries) {
        if (!entries.equals(getItems())) {
            setItems(FXCollections.observableArrayList(entries));
        }
    }

    static String text(TimelineEntry e) {
        return TIME.format(Instant.ofEpochMilli(e.atMillis())) + "  " + e.subject() + "  "
                + (e.from().isEmpty() ? "" : e.from() + " \u2192 ") + e.to()
                + (e.detail().isEmpty() ? "" : "   (" + e.detail() + ")");
    }

    private static final class Cell extends ListCell<TimelineEntry> {
        @Override
        protected void updateItem(TimelineEntry e, boolean empty) {
            super.updateItem(e, empty);
            String to = e == null ? "" : e.to().toLowerCase(Locale.ROOT);
            pseudoClassStateChanged(BAD, !empty && (to.contains("unreachable") || to.contains("down")
                    || to.contains("lagged") || to.contains("failed") || to.contains("failing")
                    || to.contains("problem")));
            pseudoClassStateChanged(GOOD, !empty && (to.contains("reachable") && !to.contains("un")
                    || to.equals("connected") || to.equals("up") || to.equals("calls recovered")));
            setText(empty || e == null ? null : SafeText.display(text(e)));
        }
    }
}
