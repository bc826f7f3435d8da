package trunkops.topology;

import java.util.Objects;

/**
 * Where the console reaches a dialer's Asterisk Manager Interface: the server's {@code server_ip} and
 * {@code telnet_port}. Never {@code telnet_host}, which is usually {@code localhost} because ViciDial's own AMI
 * clients run on the dialer itself.
 */
public record AmiEndpoint(String host, int port) {

    public static final int DEFAULT_PORT = 5038;

    public AmiEndpoint {
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
