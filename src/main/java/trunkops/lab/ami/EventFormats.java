package trunkops.lab.ami;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time formats Asterisk puts in security events. */
public final class EventFormats {

    private static final DateTimeFormatter TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private EventFormats() {
    }

    /** {@code EventTV}/{@code SessionTV}: {@code 2026-11-26T08:09:35.750+0000}. */
    public static String eventTv(long epochMicros) {
        return TV.format(Instant.ofEpochSecond(epochMicros / 1_000_000L, (epochMicros % 1_000_000L) * 1000));
    }
}
