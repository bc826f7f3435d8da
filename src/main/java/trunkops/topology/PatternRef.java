package trunkops.topology;

import java.util.Objects;

/** A dial pattern as one carrier's dialplan_entry defines it. */
public record PatternRef(String carrierId, DialPattern pattern) {

    public PatternRef {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String toString() {
        return carrierId + ":" + pattern;
    }
}
