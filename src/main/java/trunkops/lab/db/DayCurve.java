package trunkops.lab.db;

import java.time.LocalTime;

/**
 * The shape of a call-center day, as a factor of a campaign's peak attempt rate: dialing runs 08:00-21:00 local time
 * (the usual US calling window; ViciDial's default local_call_time is 9am-9pm in the lead's zone, so a cluster dials
 * across a wider window), with a morning ramp, a lunch dip and a quieter evening; at night only stray attempts
 * (callbacks, manual dials) remain at 2 % of peak.
 */
public final class DayCurve {

    public static final double NIGHT = 0.02;

    private DayCurve() {
    }

    /** The factor (0..1] of the peak rate at local time {@code time}. */
    public static double factor(LocalTime time) {
        double h = time.toSecondOfDay() / 3600.0;
        if (h < 7.5) {
            return NIGHT;
        }
        if (h < 8.0) {
            return lerp(NIGHT, 0.7, (h - 7.5) / 0.5);
        }
        if (h < 10.0) {
            return lerp(0.7, 1.0, (h - 8.0) / 2.0);
        }
        if (h < 12.0) {
            return 1.0;
        }
        if (h < 13.0) {
            return 0.75;
        }
        if (h < 17.0) {
            return 1.0;
        }
        if (h < 21.0) {
            return lerp(1.0, 0.6, (h - 17.0) / 4.0);
        }
        if (h < 21.5) {
            return lerp(0.6, NIGHT, (h - 21.0) / 0.5);
        }
        return NIGHT;
    }

    private static double lerp(double from, double to, double t) {
        return from + (to - from) * t;
    }
}
