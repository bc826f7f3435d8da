package trunkops.lab.ami;

/** Small IPv4 helpers for manager.conf permit/deny checks. */
final class Ipv4 {

    private Ipv4() {
    }

    static long toLong(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            int octet;
            try {
                octet = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return -1;
            }
            if (octet < 0 || octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    /** {@code network} is {@code a.b.c.d/len} or {@code a.b.c.d/m.m.m.m}. */
    static boolean inNetwork(String address, String network) {
        String[] parts = network.split("/", 2);
        long net = toLong(parts[0]);
        long addr = toLong(address);
        if (net < 0 || addr < 0) {
            return false;
        }
        long mask;
        if (parts.length == 1) {
            mask = 0xFFFFFFFFL;
        } else if (parts[1].contains(".")) {
            mask = toLong(parts[1]);
        } else {
            int len = Integer.parseInt(parts[1]);
            mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        }
        return (addr & mask) == (net & mask);
    }
}
