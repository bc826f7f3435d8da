package trunkops.lab.ami;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An event as the lab's manager sends it: name, permission classes, body headers, and whether it went through
 * Asterisk's event queue (queued events carry {@code Timestamp:} when timestampevents=yes; the FullyBooted sent
 * at login does not). The wire bytes are rendered once and shared by every session that receives the event.
 */
public final class ManagerEvent {

    private final String name;
    private final int classMask;
    private final List<AmiMessage.Header> body;
    private final String timestamp;
    private volatile byte[] wire;

    public ManagerEvent(String name, int classMask, List<AmiMessage.Header> body, String timestamp) {
        this.name = name;
        this.classMask = classMask;
        this.body = body;
        this.timestamp = timestamp;
    }

    public String name() {
        return name;
    }

    public int classMask() {
        return classMask;
    }

    public List<AmiMessage.Header> body() {
        return body;
    }

    /** The value of a body header, or {@code ""}. */
    public String get(String header) {
        for (AmiMessage.Header h : body) {
            if (h.name().equalsIgnoreCase(header)) {
                return h.value();
            }
        }
        return "";
    }

    public byte[] wire() {
        byte[] w = wire;
        if (w == null) {
            StringBuilder sb = new StringBuilder(64 + body.size() * 40);
            sb.append("Event: ").append(name).append("\r\n");
            sb.append("Privilege: ").append(EventClass.privilege(classMask)).append("\r\n");
            if (timestamp != null) {
                sb.append("Timestamp: ").append(timestamp).append("\r\n");
            }
            for (AmiMessage.Header h : body) {
                sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            sb.append("\r\n");
            w = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
            wire = w;
        }
        return w;
    }

    @Override
    public String toString() {
        return "ManagerEvent[" + name + " " + body + "]";
    }
}
