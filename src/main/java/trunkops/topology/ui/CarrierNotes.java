package trunkops.topology.ui;

import java.util.List;
import java.util.Objects;

/**
 * What a checker (the route linter) says about one carrier, already worded for display: a short summary for the
 * table and one line per finding, each readable without colour (glyph and severity word first).
 */
public record CarrierNotes(String summary, List<String> lines) {

    public static final CarrierNotes NONE = new CarrierNotes("", List.of());

    public CarrierNotes {
        Objects.requireNonNull(summary, "summary");
        lines = List.copyOf(lines);
    }
}
