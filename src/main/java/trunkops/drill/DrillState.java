package trunkops.drill;

/** Where a drill is. Every state before {@link #DONE} has an abort path that restores what the drill changed. */
public enum DrillState {
    PLANNED("planned"),
    PREFLIGHT("preflight"),
    TAKE_OUT("taking trunk A out"),
    CALLS("placing test calls"),
    RESTORE("restoring trunk A"),
    VERIFY("verifying trunk A takes calls"),
    DONE("done");

    private final String words;

    DrillState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
