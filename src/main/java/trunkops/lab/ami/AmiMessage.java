package trunkops.lab.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One AMI message as the lab's manager writes it: an ordered list of {@code Key: value} headers. Order and
 * case are kept exactly as built (real Asterisk's key order is part of what the fixtures pin down); look-ups
 * are case-insensitive as in Asterisk's {@code astman_get_header}.
 */
public final class AmiMessage {

    /** One {@code Key: value} line. */
    public record Header(String name, String value) {
    }

    private final List<Header> headers;

    private AmiMessage(List<Header> headers) {
        this.headers = headers;
    }

    public static AmiMessage of(List<Header> headers) {
        return new AmiMessage(List.copyOf(headers));
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Header> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The first value for {@code name} (case-insensitive), or {@code ""} when absent, as astman_get_header. */
    public String get(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return "";
    }

    public boolean has(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** All values of headers called {@code name}, in order (e.g. Variable: or Output: lines). */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    /** The wire form: each header as {@code Key: value\r\n}, then the empty line. */
    public byte[] toWire() {
        return toWireString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public String toWireString() {
        StringBuilder sb = new StringBuilder(32 * headers.size() + 2);
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    @Override
    public String toString() {
        return toWireString().replace("\r\n", " | ");
    }

    /** Builds a message keeping insertion order. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>(16);

        public Builder add(String name, Object value) {
            headers.add(new Header(name, value == null ? "" : String.valueOf(value)));
            return this;
        }

        public Builder addAll(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        /** Adds {@code ActionID} only when the request carried one (Asterisk echoes it only then). */
        public Builder actionId(String actionId) {
            if (actionId != null && !actionId.isEmpty()) {
                add("ActionID", actionId);
            }
            return this;
        }

        public boolean isEmpty() {
            return headers.isEmpty();
        }

        public AmiMessage build() {
            return new AmiMessage(List.copyOf(headers));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
