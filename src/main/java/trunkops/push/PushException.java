package trunkops.push;

/** A push step that could not be done (database, AMI), or a live row that changed under the push. */
public class PushException extends Exception {

    public PushException(String message, Throwable cause) {
        super(message, cause);
    }

    public PushException(String message) {
        super(message);
    }

    /** The live row is no longer the one the push was built from. */
    public static final class Conflict extends PushException {

        private final transient java.util.List<FieldConflict> fields;

        public Conflict(String message) {
            this(message, java.util.List.of());
        }

        /** With the three-way difference (base, live, proposed) of each field that changed. */
        public Conflict(String message, java.util.List<FieldConflict> fields) {
            super(message);
            this.fields = java.util.List.copyOf(fields);
        }

        /** The fields that changed since the push was built (empty when not known). */
        public java.util.List<FieldConflict> fields() {
            return fields;
        }
    }
}
