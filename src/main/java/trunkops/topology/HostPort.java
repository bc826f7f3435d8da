package trunkops.topology;

import java.util.Objects;

/**
 * Where a trunk sends its calls, as configured.
 *
 * @param host an address or name as written ({@code dynamic} for a peer that registers to us)
 * @param port the port; the technology's default when none is written; 0 when unknown (a dynamic peer)
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
    }

    public boolean isDynamic() {
        return host.equalsIgnoreCase("dynamic");
    }

    @Override
    public String toString() {
        return port > 0 ? host + ":" + port : host;
    }
}
