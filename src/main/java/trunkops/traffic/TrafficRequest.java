package trunkops.traffic;

import java.util.List;
import java.util.Objects;

/**
 * What the charts want to see: bucket size, breakdown, and the dialers (server_ip; empty = all).
 */
public record TrafficRequest(BucketSize bucket, Dimension dimension, List<String> servers) {

    public TrafficRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(dimension, "dimension");
        servers = List.copyOf(servers);
    }

    public static TrafficRequest defaults() {
        return new TrafficRequest(BucketSize.FIVE_MINUTES, Dimension.CARRIER, List.of());
    }
}
