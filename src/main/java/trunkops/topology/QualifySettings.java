package trunkops.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * A trunk's health probing as Asterisk reads its configuration.
 *
 * <ul>
 *   <li>chan_sip: {@code qualify=yes} gives maxMs 2000 (DEFAULT_MAXMS, unless sip.conf [general] sets another
 *       qualify), {@code qualify=no} or 0 is off, {@code qualify=<n>} is n ms; {@code qualifyfreq} is seconds between
 *       probes while reachable (default 60). One probe times out after 2 x maxMs. Without any {@code qualify} line the
 *       peer follows sip.conf [general] (mode {@link Mode#GENERAL_DEFAULT}), which the database does not hold.</li>
 *   <li>chan_iax2: the same {@code qualify} values; {@code qualifyfreqok} is in milliseconds (default 60000); the
 *       probe timeout is min(20000 + maxMs, 5/6 x qualifyfreqok).</li>
 *   <li>PJSIP: the AOR's {@code qualify_frequency} in seconds (0 = off), {@code qualify_timeout} in seconds
 *       (default 3.0); there is no lagged threshold (maxMs 0).</li>
 * </ul>
 *
 * @param mode      on, off, or decided by sip.conf [general]
 * @param maxMs     round-trip above which chan_sip/chan_iax2 calls the peer LAGGED (and unusable); 0 if none
 * @param frequency interval between probes while the peer is reachable
 * @param timeout   how long one probe waits before the peer is UNREACHABLE; zero when off
 */
public record QualifySettings(Mode mode, int maxMs, Duration frequency, Duration timeout) {

    public enum Mode {
        ON,
        OFF,
        /** No qualify line: chan_sip uses sip.conf [general] qualify (ViciDial's sample sets yes; Asterisk's default is no). */
        GENERAL_DEFAULT
    }

    public QualifySettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(timeout, "timeout");
    }

    public boolean enabled() {
        return mode == Mode.ON;
    }

    static QualifySettings off(Duration frequency) {
        return new QualifySettings(Mode.OFF, 0, frequency, Duration.ZERO);
    }
}
