package trunkops.drill;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Drill ids: {@code D20261205T120301Z-3f9a1c2e} (UTC start, 32 random bits): sortable, unique across consoles. */
final class DrillIds {

    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DrillIds() {
    }

    static String next(Instant now) {
        return "D" + F.format(now) + "-" + String.format("%08x", RANDOM.nextInt());
    }
}
