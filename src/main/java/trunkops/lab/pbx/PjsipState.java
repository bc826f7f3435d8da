package trunkops.lab.pbx;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Live res_pjsip state the lab keeps per object: a contact's qualify status, a registration's client state. */
final class PjsipState {

    private PjsipState() {
    }

    /** A static {@code contact=} of an aor and what qualify last found. */
    static final class Contact {
        final String aor;
        final String uri;
        final String id;
        PjObject aorObject;
        /** Reachable, Unreachable, or Unknown (not qualified yet / not qualified at all: CLI NonQual). */
        String status = "Unknown";
        long rttUsec;
        boolean qualified;
        int frequencySec;
        double timeoutSec = 3.0;
        int gen;

        Contact(String aor, String uri) {
            this.aor = aor;
            this.uri = uri;
            this.id = aor + "@@" + md5(uri);
        }

        String hash10() {
            return id.substring(id.indexOf("@@") + 2, id.indexOf("@@") + 12);
        }

        boolean reachable() {
            return "Reachable".equals(status);
        }

        /** The status word of {@code pjsip show contacts}. */
        String cliStatus() {
            if (!qualified) {
                return "NonQual";
            }
            return switch (status) {
                case "Reachable" -> "Avail";
                case "Unreachable" -> "Unavail";
                default -> "Unknown";
            };
        }
    }

    /** An outbound registration and its client state. */
    static final class Registration {
        PjObject cfg;
        /** Registered, Rejected or Unregistered. */
        String status = "Unregistered";
        long expiresAtMillis;
        int failures;
        int gen;

        Registration(PjObject cfg) {
            this.cfg = cfg;
        }
    }

    static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sip:[user@]host[:port][;params]} → {@code host:port} (port 5060 when absent). */
    static String hostPort(String uri) {
        String s = uri.strip();
        int colon = s.indexOf(':');
        if (s.regionMatches(true, 0, "sip", 0, 3) && colon > 0 && colon <= 4) {
            s = s.substring(colon + 1);
        }
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int semi = s.indexOf(';');
        if (semi >= 0) {
            s = s.substring(0, semi);
        }
        int gt = s.indexOf('>');
        if (gt >= 0) {
            s = s.substring(0, gt);
        }
        return s.contains(":") ? s : s + ":5060";
    }
}
