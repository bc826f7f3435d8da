package trunkops.alert;

/**
 * Where other features hand alerts in (the drill posts its results here: {@code sink.publish(Alert.drill(...))}).
 * Implementations return at once and never throw for a delivery problem; any thread.
 */
@FunctionalInterface
public interface AlertSink {

    void publish(Alert alert);

    /** Drops everything (a console without alerts, tests). */
    AlertSink NONE = a -> { };
}
