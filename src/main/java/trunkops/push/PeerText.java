package trunkops.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@code account_entry} of chan_sip peer sections should show once loaded: per peer ({@code type=peer} or
 * {@code friend}), the {@code SIPshowpeer} fields its options set (lower-case field name to the expected value):
 * host → {@code tohost}, port → {@code address-port}, context, dtmfmode → {@code sip-dtmfmode}, insecure →
 * {@code sip-authinsecure}, username/defaultuser → {@code default-username}, allow after {@code disallow=all} →
 * {@code codecs} ({@code (ulaw|alaw)}), qualifyfreq → {@code qualifyfreq} ({@code 60000 ms}). Options SIPshowpeer
 * does not show (fromuser, fromdomain, nat, qualify) are not checked.
 */
public record PeerText(Map<String, Map<String, String>> peers) {

    public PeerText {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        peers.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        peers = java.util.Collections.unmodifiableMap(copy);
    }

    public static PeerText of(String accountEntry) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String section = null;
        Map<String, String> fields = null;
        boolean peer = false;
        List<String> codecs = new ArrayList<>();
        for (String raw : accountEntry.split("\n")) {
            String line = raw.contains(";") ? raw.substring(0, raw.indexOf(';')) : raw;
            line = line.strip();
            if (line.startsWith("[") && line.contains("]")) {
                close(out, section, fields, peer, codecs);
                section = line.substring(1, line.indexOf(']')).strip();
                fields = new LinkedHashMap<>();
                peer = false;
                codecs = new ArrayList<>();
                continue;
            }
            int eq = line.indexOf('=');
            if (section == null || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).replace(">", "").strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).replace(">", "").strip();
            switch (key) {
                case "type" -> peer = value.equalsIgnoreCase("peer") || value.equalsIgnoreCase("friend");
                case "host" -> fields.put("tohost", value);
                case "port" -> fields.put("address-port", value);
                case "context" -> fields.put("context", value);
                case "dtmfmode" -> fields.put("sip-dtmfmode", value);
                case "insecure" -> fields.put("sip-authinsecure", value);
                case "username", "defaultuser" -> fields.put("default-username", value);
                case "qualifyfreq" -> {
                    if (value.matches("[0-9]{1,6}")) {
                        fields.put("qualifyfreq", Integer.parseInt(value) * 1000 + " ms");
                    }
                }
                case "disallow" -> codecs.clear();
                case "allow" -> codecs.addAll(List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
                default -> { }
            }
        }
        close(out, section, fields, peer, codecs);
        return new PeerText(out);
    }

    private static void close(Map<String, Map<String, String>> out, String section, Map<String, String> fields,
                              boolean peer, List<String> codecs) {
        if (section != null && peer) {
            if (!codecs.isEmpty()) {
                fields.put("codecs", "(" + String.join("|", codecs) + ")");
            }
            out.put(section, fields);
        }
    }

    /**
     * Empty when every peer of {@code want} is loaded with its settings and no peer only {@code replaced} defined
     * is left; otherwise what is wrong. {@code show} returns a peer's SIPshowpeer fields (lower-case names), empty
     * when Asterisk does not know the peer.
     */
    static Optional<String> check(Optional<RouterRow> want, Optional<RouterRow> replaced, Show show)
            throws PushException {
        PeerText w = PeerText.of(want.map(RouterRow::accountEntry).orElse(""));
        PeerText r = PeerText.of(replaced.map(RouterRow::accountEntry).orElse(""));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> p : w.peers().entrySet()) {
            Optional<Map<String, String>> live = show.peer(p.getKey());
            if (live.isEmpty()) {
                wrong.add("peer " + p.getKey() + " not loaded");
                continue;
            }
            p.getValue().forEach((field, expected) -> {
                String got = live.get().getOrDefault(field, "");
                boolean same = field.equals("codecs") ? codecSet(got).equals(codecSet(expected))
                        : got.equalsIgnoreCase(expected);
                if (!same) {
                    wrong.add("peer " + p.getKey() + " " + field + " '" + got + "', expected '" + expected + "'");
                }
            });
        }
        for (String gone : r.peers().keySet()) {
            if (!w.peers().containsKey(gone) && show.peer(gone).isPresent()) {
                wrong.add("peer " + gone + " still loaded");
            }
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    private static java.util.Set<String> codecSet(String s) {
        return java.util.Set.of(s.replace("(", "").replace(")", "").toLowerCase(Locale.ROOT).split("\\|"));
    }

    /** One peer's SIPshowpeer, or empty when not found. */
    @FunctionalInterface
    interface Show {
        Optional<Map<String, String>> peer(String name) throws PushException;
    }
}
