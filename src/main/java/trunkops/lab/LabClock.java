package trunkops.lab;

import java.time.Instant;

/**
 * The lab's sense of time. At speed 1 it is the wall clock; tests may run the lab faster (every delay the lab
 * schedules is divided by the speed and the lab's own clock advances accordingly), so chan_sip's 10 s re-probe
 * or a 20 s call does not make a test slow. Everything the lab puts on the wire or in the database uses this clock.
 */
public final class LabClock {

    private final double speed;
    private final long originWallMicros;
    private final long originNanos;

    public LabClock(double speed) {
        if (!(speed >= 1.0 && speed <= 1000.0)) {
            throw new IllegalArgumentException("lab speed must be between 1 and 1000, got " + speed);
        }
        this.speed = speed;
        Instant now = Instant.now();
        this.originWallMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        this.originNanos = System.nanoTime();
    }

    public static LabClock realTime() {
        return new LabClock(1.0);
    }

    public double speed() {
        return speed;
    }

    /** Lab time in microseconds since the epoch. */
    public long nowMicros() {
        long elapsedNanos = System.nanoTime() - originNanos;
        return originWallMicros + (long) (elapsedNanos / 1000.0 * speed);
    }

    public long nowMillis() {
        return nowMicros() / 1000;
    }

    public Instant now() {
        long micros = nowMicros();
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000);
    }

    /** Converts a lab-time delay to the wall-clock delay to actually wait, in nanoseconds. */
    public long realNanos(long labMillis) {
        return (long) (labMillis * 1_000_000.0 / speed);
    }

    /** Asterisk's {@code Timestamp:} format: seconds.microseconds. */
    public String amiTimestamp() {
        long micros = nowMicros();
        return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
    }
}
