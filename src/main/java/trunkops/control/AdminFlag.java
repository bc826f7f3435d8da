package trunkops.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of ASTDB key {@code trunkops/admin/<peer>}: {@code offline:<until>} or {@code drain:<until>}, until =
 * epoch seconds after which the flag no longer counts ({@code 0}: no expiry). The generated dialplan compares it
 * with {@code ${EPOCH}}, so a maintenance window ends on time with no console running. In service = no key.
 *
 * @param until empty: no expiry
 */
public record AdminFlag(AdminState state, Optional<Instant> until) {

    /** The ASTDB family every TrunkOps key lives in. */
    public static final String FAMILY = "trunkops";

    private static final Pattern VALUE = Pattern.compile("(offline|drain):(0|[1-9][0-9]{0,11})");

    public AdminFlag {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(until, "until");
        if (state == AdminState.IN_SERVICE && until.isPresent()) {
            throw new IllegalArgumentException("in service has no expiry");
        }
    }

    public static final AdminFlag IN_SERVICE = new AdminFlag(AdminState.IN_SERVICE, Optional.empty());

    /** The ASTDB key (inside {@link #FAMILY}) of {@code peer}'s flag. The peer must already be validated. */
    public static String key(String peer) {
        return "admin/" + peer;
    }

    /** The value to DBPut; in service has none (the key is deleted). */
    public Optional<String> value() {
        return switch (state) {
            case IN_SERVICE -> Optional.empty();
            case OFFLINE -> Optional.of("offline:" + until.map(Instant::getEpochSecond).orElse(0L));
            case DRAIN -> Optional.of("drain:" + until.map(Instant::getEpochSecond).orElse(0L));
        };
    }

    /**
     * Reads a value as the generated dialplan does: a missing key, or anything it does not recognise, means in
     * service (the route keeps dialing the trunk).
     */
    public static AdminFlag parse(String value) {
        if (value == null) {
            return IN_SERVICE;
        }
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            return IN_SERVICE;
        }
        long until = Long.parseLong(m.group(2));
        return new AdminFlag(m.group(1).equals("offline") ? AdminState.OFFLINE : AdminState.DRAIN,
                until == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(until)));
    }

    /** What the dialplan makes of this flag at {@code now}: an expired flag counts as in service. */
    public AdminState effectiveAt(Instant now) {
        if (until.isPresent() && !until.get().isAfter(now)) {
            return AdminState.IN_SERVICE;
        }
        return state;
    }
}
