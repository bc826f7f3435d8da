package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * chan_sip's reload_config for the options a trunk console cares about: peer sections ({@code type=peer|friend};
 * {@code type=user} sections make no peer), host/port, qualify and qualifyfreq (peer and [general]), insecure,
 * nat, call-limit, busylevel, context, codecs. Unknown options are ignored silently, as chan_sip does; an
 * unknown type is refused with chan_sip's warning.
 */
final class SipConfigLoader {

    static final int DEFAULT_MAXMS = 2000;
    static final int DEFAULT_QUALIFYFREQ_MS = 60_000;

    private SipConfigLoader() {
    }

    record Result(Map<String, SipPeer> peers, List<String> warnings) {
    }

    static Result load(AstConfig cfg) {
        List<String> warnings = new ArrayList<>();
        AstConfig.Category general = cfg.category("general");
        int generalMaxms = 0;
        int generalFreq = DEFAULT_QUALIFYFREQ_MS;
        String generalContext = "default";
        if (general != null) {
            String q = general.get("qualify");
            if (q != null) {
                generalMaxms = parseQualify(q, 0);
            }
            String f = general.get("qualifyfreq");
            if (f != null) {
                generalFreq = parseInt(f, 60) * 1000;
            }
            String c = general.get("context");
            if (c != null) {
                generalContext = c;
            }
        }
        Map<String, SipPeer> peers = new LinkedHashMap<>();
        for (AstConfig.Category cat : cfg.categories()) {
            String name = cat.name();
            if (name.equalsIgnoreCase("general") || name.equalsIgnoreCase("authentication")) {
                continue;
            }
            String type = cat.get("type");
            if (type == null) {
                warnings.add("Section '" + name + "' lacks type");
                continue;
            }
            String t = type.toLowerCase(Locale.ROOT);
            if (!t.equals("peer") && !t.equals("friend") && !t.equals("user")) {
                warnings.add("Unknown type '" + type + "' for '" + name + "' in sip.conf");
                continue;
            }
            if (t.equals("user")) {
                continue;
            }
            peers.put(name, buildPeer(cat, t, generalMaxms, generalFreq, generalContext));
        }
        return new Result(peers, warnings);
    }

    private static SipPeer buildPeer(AstConfig.Category cat, String type, int generalMaxms, int generalFreq,
                                     String generalContext) {
        int maxms = generalMaxms;
        int freq = generalFreq;
        String host = "dynamic";
        int port = 5060;
        String context = generalContext;
        String insecure = "";
        String nat = "auto_force_rport";
        String dtmf = "rfc2833";
        int callLimit = 0;
        int busy = 0;
        boolean secret = false;
        String description = "";
        String accountcode = "";
        String defaultUser = "";
        List<String> codecs = new ArrayList<>(List.of("ulaw", "alaw", "gsm", "h263"));
        for (AstConfig.Var v : cat.vars()) {
            String k = v.name().toLowerCase(Locale.ROOT);
            String val = v.value();
            switch (k) {
                case "host" -> host = val;
                case "port" -> port = parseInt(val, 5060);
                case "context" -> context = val;
                case "qualify" -> maxms = parseQualify(val, maxms);
                case "qualifyfreq" -> freq = parseInt(val, 60) * 1000;
                case "insecure" -> insecure = val;
                case "nat" -> nat = val;
                case "dtmfmode" -> dtmf = val;
                case "call-limit" -> callLimit = parseInt(val, 0);
                case "busylevel" -> busy = parseInt(val, 0);
                case "secret", "md5secret", "remotesecret" -> secret = secret || !val.isEmpty();
                case "description" -> description = val;
                case "accountcode" -> accountcode = val;
                case "defaultuser", "username" -> defaultUser = val;
                case "disallow" -> {
                    if (val.equalsIgnoreCase("all")) {
                        codecs.clear();
                    } else {
                        codecs.remove(val.toLowerCase(Locale.ROOT));
                    }
                }
                case "allow" -> {
                    for (String c : val.split(",")) {
                        String codec = c.strip().toLowerCase(Locale.ROOT);
                        if (!codec.isEmpty() && !codecs.contains(codec)) {
                            codecs.add(codec);
                        }
                    }
                }
                default -> {
                    // chan_sip ignores unknown keys without a word
                }
            }
        }
        return new SipPeer(cat.name(), type, host, port, context, maxms, freq, insecure, nat, dtmf, callLimit, busy,
                secret, description, accountcode, defaultUser, codecs, cat.file());
    }

    /** qualify=yes gives the default 2000 ms, qualify=no 0, a number that threshold. */
    static int parseQualify(String v, int fallback) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("yes") || s.equals("true") || s.equals("on")) {
            return DEFAULT_MAXMS;
        }
        if (s.equals("no") || s.equals("false") || s.equals("off")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s);
            return n < 0 ? 0 : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static int parseInt(String v, int fallback) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
