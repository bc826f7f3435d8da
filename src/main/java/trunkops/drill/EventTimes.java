package trunkops.drill;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Event times: the dialer's own {@code Timestamp:} (manager.conf timestampevents=yes) when present. */
final class EventTimes {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    /** Epoch milliseconds of the event: its Timestamp ({@code 1795680748.914909}), else when it was received. */
    static long millis(Map<String, String> e, long receivedMillis) {
        String ts = e.get("Timestamp");
        if (ts != null && ts.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
            int dot = ts.indexOf('.');
            long s = Long.parseLong(dot < 0 ? ts : ts.substring(0, dot));
            String frac = dot < 0 ? "000" : (ts.substring(dot + 1) + "000").substring(0, 3);
            return s * 1000 + Long.parseLong(frac);
        }
        return receivedMillis;
    }

    static String clock(long epochMillis) {
        return CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }
}
