package trunkops.lab.ami;

import java.util.List;
import java.util.Objects;

/**
 * A {@code [user]} section of manager.conf: secret, read/write class masks, the networks it may log in from
 * ({@code permit}; an empty list permits everyone) and the write timeout after which a stalled client is dropped.
 */
public record ManagerUser(String name, String secret, int readMask, int writeMask, List<String> permit,
                          int writeTimeoutMs) {

    public ManagerUser {
        Objects.requireNonNull(name);
        Objects.requireNonNull(secret);
        permit = List.copyOf(permit);
    }

    public static ManagerUser of(String name, String secret, String read, String write) {
        return new ManagerUser(name, secret, EventClass.parseMask(read), EventClass.parseMask(write),
                List.of("127.0.0.0/8"), 5000);
    }

    /** True when {@code address} (dotted IPv4) is inside one of the permitted networks. */
    public boolean permits(String address) {
        if (permit.isEmpty()) {
            return true;
        }
        for (String net : permit) {
            if (Ipv4.inNetwork(address, net)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ManagerUser[" + name + ", read=" + readMask + ", write=" + writeMask + "]";
    }
}
