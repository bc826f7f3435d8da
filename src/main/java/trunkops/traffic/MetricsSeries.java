package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/** The metrics of one {@link SeriesKey} in consecutive buckets (every bucket of the span, empty ones included). */
public record MetricsSeries(SeriesKey key, BucketSize bucket, List<Point> points) {

    /** One bucket, starting at {@code start} (database wall clock). */
    public record Point(LocalDateTime start, CarrierMetrics metrics) {
        public Point {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    public MetricsSeries {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bucket, "bucket");
        points = List.copyOf(points);
    }
}
