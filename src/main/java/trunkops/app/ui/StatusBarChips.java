package trunkops.app.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import javafx.scene.control.Label;

import trunkops.ami.AmiLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.health.BoardSnapshot;
import trunkops.health.ServerView;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.text.SafeText;
import trunkops.traffic.TrafficSnapshot;
import trunkops.ui.common.StateChip;

/** The status bar's chips: the database link, each dialer's AMI link, the call statistics, the last update. */
final class StatusBarChips {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private StatusBarChips() {
    }

    /** The carrier statistics' own link: they read the replica when ViciDial's reports do, so they can fail alone. */
    private static StateChip trafficChip(TrafficSnapshot t) {
        StateChip chip = new StateChip();
        chip.setId("trafficChip");
        if (t == null || !t.availability().available() && t.availability().message().equals("connecting")) {
            chip.show(StateChip.Tone.UNKNOWN, "\u2026", "Call stats loading");
        } else if (t.availability().available()) {
            chip.show(StateChip.Tone.OK, "\u2714", "Call stats");
        } else {
            chip.show(StateChip.Tone.CRIT, "\u2716", "Call stats unavailable since " + CLOCK.format(
                    t.availability().since()));
        }
        chip.setTooltip(new javafx.scene.control.Tooltip(t == null ? "carrier statistics not started"
                : t.availability().message() + (t.notes().isEmpty() ? "" : "\n" + String.join("\n", t.notes()))));
        return chip;
    }

    /** The chips for {@code s} and the newest call statistics {@code traffic} (may be null), in order. */
    static java.util.List<javafx.scene.Node> of(BoardSnapshot s, TrafficSnapshot traffic) {
        java.util.List<javafx.scene.Node> chips = new java.util.ArrayList<>();
        StateChip db = new StateChip();
        db.setId("dbChip");
        DbLinkStatus d = s.db();
        switch (d.state()) {
            case UP -> db.show(StateChip.Tone.OK, "\u2714", "DB connected");
            case CONNECTING -> db.show(StateChip.Tone.UNKNOWN, "\u2026", "DB connecting");
            case AUTH_FAILED -> db.show(StateChip.Tone.CRIT, "\u2716", "DB login refused \u2014 wrong password");
            case DOWN -> db.show(StateChip.Tone.CRIT, "\u2716", "DB " + (d.failure() == null ? "unavailable"
                    : d.failure().label()) + " since " + CLOCK.format(Instant.ofEpochMilli(d.sinceMillis())));
            case STOPPED -> db.show(StateChip.Tone.UNKNOWN, "\u25A0", "DB stopped");
        }
        db.setTooltip(new javafx.scene.control.Tooltip(d.message()));
        chips.add(db);
        for (ServerView v : s.servers()) {
            StateChip chip = new StateChip();
            chip.setId("amiChip-" + v.serverId());
            String name = SafeText.display(v.serverId());
            AmiLinkState st = v.link() == null ? AmiLinkState.IDLE : v.link().state();
            String dropped = v.eventsDropped() > 0 ? "  (" + v.eventsDropped() + " events dropped)" : "";
            switch (st) {
                case CONNECTED -> chip.show(v.eventsDropped() > 0 ? StateChip.Tone.WARN : StateChip.Tone.OK, "\u2714",
                        name + " AMI" + dropped);
                case CONNECTING, IDLE -> chip.show(StateChip.Tone.UNKNOWN, "\u2026", name + " AMI connecting");
                case AUTH_FAILED -> chip.show(StateChip.Tone.CRIT, "\u2716", name + " AMI login refused");
                case DOWN -> chip.show(StateChip.Tone.CRIT, "\u2716", name + " AMI down");
                case STOPPED -> chip.show(StateChip.Tone.UNKNOWN, "\u25A0", name + " AMI stopped");
            }
            chip.setTooltip(new javafx.scene.control.Tooltip(SafeText.display(v.amiAddress()) + ": "
                    + (v.link() == null ? "not started" : v.link().message())
                    + "\n" + v.eventsReceived() + " events received, " + v.eventsDropped() + " dropped"
                    + (v.problem() == null ? "" : "\n" + v.problem())));
            chips.add(chip);
        }
        chips.add(trafficChip(traffic));
        Label updated = new Label("updated " + CLOCK.format(Instant.ofEpochMilli(s.atMillis())));
        updated.getStyleClass().add("updated");
        chips.add(updated);
        return chips;
    }

    /** The header's summary: how many trunks, and how many in each state (glyph, count, word). */
    static String summaryText(BoardSnapshot s) {
        Map<TrunkState, Integer> counts = new EnumMap<>(TrunkState.class);
        for (TrunkView t : s.trunks()) {
            counts.merge(t.state(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder().append(s.trunks().size()).append(" trunks");
        for (TrunkState st : TrunkState.values()) {
            Integer n = counts.get(st);
            if (n != null) {
                sb.append("  ").append(st.glyph()).append(' ').append(n).append(' ').append(st.label().toLowerCase());
            }
        }
        long forced = s.trunks().stream().filter(t -> t.forced().active()).count();
        if (forced > 0) {
            sb.append("  \u275A\u275A ").append(forced).append(" forced");
        }
        return sb.toString();
    }
}
