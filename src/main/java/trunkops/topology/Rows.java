package trunkops.topology;

/** Normalisation shared by the input rows. */
final class Rows {

    private Rows() {
    }

    /** A NULL column becomes the empty string. */
    static String text(String s) {
        return s == null ? "" : s;
    }
}
