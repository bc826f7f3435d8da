package trunkops.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import trunkops.text.SecretText;

/**
 * PJSIP identities from sections: endpoints ({@code type=endpoint}) with the contacts and qualify settings of
 * their AORs, and pjsip_wizard sections ({@code type=wizard}), whose endpoint and AOR are named after the section.
 * res_pjsip refuses an object with an option it does not know, and a whole file with a duplicate object.
 */
final class PjsipPeers {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(3000);
    private static final Set<String> WIZARD_PREFIXES = Set.of("endpoint", "aor", "inbound_auth", "outbound_auth",
            "identify", "registration", "phoneprov");

    private PjsipPeers() {
    }

    static List<Peer> endpoints(List<ConfigSection> sections, List<ParseWarning> warnings) {
        List<ConfigSection> objects = typedObjects(sections, warnings);
        List<Peer> peers = new ArrayList<>();
        for (ConfigSection s : objects) {
            String type = type(s);
            if (type.equals("wizard")) {
                warnings.add(ParseWarning.warning(s.line(), "[" + s.name() + "] type=wizard in a PJSIP carrier: it is "
                        + "written to pjsip-vicidial.conf, where res_pjsip does not run the wizard; use protocol PJSIP_WIZ"));
                continue;
            }
            List<ParseWarning> w = new ArrayList<>();
            checkObject(s, type, w);
            if (type.equals("endpoint")) {
                peers.add(endpoint(s, objects, w));
            }
            warnings.addAll(w);
        }
        return peers;
    }

    static List<Peer> wizards(List<ConfigSection> sections, List<ParseWarning> warnings) {
        List<Peer> peers = new ArrayList<>();
        for (ConfigSection s : typedObjects(sections, warnings)) {
            if (!type(s).equals("wizard")) {
                warnings.add(ParseWarning.warning(s.line(), "[" + s.name() + "] type=" + type(s) + " in a PJSIP_WIZ "
                        + "carrier: the config wizard only reads type=wizard sections"));
                continue;
            }
            List<ParseWarning> w = new ArrayList<>();
            checkWizard(s, w);
            List<HostPort> addresses = new ArrayList<>();
            List<String> contacts = s.values("aor/contact");
            if (!contacts.isEmpty()) {
                contacts.forEach(c -> split(c).forEach(u -> addresses.add(uriHostPort(u))));
            } else {
                s.value("remote_hosts").ifPresent(v -> split(v).forEach(h -> addresses.add(hostPort(h))));
            }
            if (addresses.isEmpty()) {
                w.add(ParseWarning.warning(s.line(), "wizard " + s.name() + " has no remote_hosts and no aor/contact: "
                        + "calls to it have no destination unless the far end registers"));
            }
            QualifySettings q = qualify(s, "aor/", w);
            peers.add(new Peer(s.name(), Tech.PJSIP, "wizard", addresses, List.of(s.name()), q, w));
            warnings.addAll(w);
        }
        return peers;
    }

    /** Non-template sections with a type; reports sections without one and duplicate (type, name) objects. */
    private static List<ConfigSection> typedObjects(List<ConfigSection> sections, List<ParseWarning> warnings) {
        List<ConfigSection> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigSection s : sections) {
            if (s.isTemplate()) {
                continue;
            }
            if (s.firstValue("type").isEmpty()) {
                warnings.add(ParseWarning.warning(s.line(), "[" + s.name() + "] has no type= line: res_pjsip ignores it"));
                continue;
            }
            if (!seen.add(type(s) + "/" + s.name())) {
                warnings.add(ParseWarning.error(s.line(), "[" + s.name() + "] type=" + type(s) + " is defined twice: "
                        + "res_pjsip refuses to load the whole file (duplicate object)"));
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static Peer endpoint(ConfigSection ep, List<ConfigSection> objects, List<ParseWarning> w) {
        List<String> aorNames = ep.value("aors").map(PjsipPeers::split).orElse(List.of());
        if (aorNames.isEmpty()) {
            w.add(ParseWarning.warning(ep.line(), "endpoint " + ep.name() + " has no aors=: Dial(PJSIP/...@"
                    + ep.name() + ") has no contact to send the call to"));
        }
        List<HostPort> addresses = new ArrayList<>();
        QualifySettings qualify = null;
        for (String aorName : aorNames) {
            Optional<ConfigSection> aor = objects.stream()
                    .filter(o -> o.name().equals(aorName) && type(o).equals("aor")).findFirst();
            if (aor.isEmpty()) {
                w.add(ParseWarning.warning(ep.lineOf("aors"), "endpoint " + ep.name() + " names AOR '" + aorName
                        + "', which this account_entry does not define (it may come from another carrier or pjsip.conf)"));
                continue;
            }
            aor.get().values("contact").forEach(c -> split(c).forEach(u -> addresses.add(uriHostPort(u))));
            if (qualify == null) {
                qualify = qualify(aor.get(), "", w);
            }
        }
        if (qualify == null) {
            qualify = QualifySettings.off(Duration.ZERO);
        } else if (addresses.isEmpty()) {
            w.add(ParseWarning.warning(ep.lineOf("aors"), "endpoint " + ep.name() + ": its AORs have no contact=, so "
                    + "calls to it have no destination unless the far end registers"));
        }
        return new Peer(ep.name(), Tech.PJSIP, "endpoint", addresses, aorNames, qualify, w);
    }

    /** AOR qualify_frequency (seconds, 0..86400, 0 = off) and qualify_timeout (seconds, default 3.0). */
    private static QualifySettings qualify(ConfigSection s, String prefix, List<ParseWarning> w) {
        long freq = 0;
        Optional<String> f = s.value(prefix + "qualify_frequency");
        if (f.isPresent()) {
            String v = f.get().strip();
            if (v.matches("\\d{1,5}") && Long.parseLong(v) <= 86400) {
                freq = Long.parseLong(v);
            } else {
                w.add(ParseWarning.error(s.lineOf(prefix + "qualify_frequency"), "[" + s.name() + "] " + prefix
                        + "qualify_frequency=" + v + " is not 0..86400 seconds: res_pjsip refuses the AOR"));
            }
        }
        Duration timeout = DEFAULT_TIMEOUT;
        Optional<String> t = s.value(prefix + "qualify_timeout");
        if (t.isPresent()) {
            try {
                timeout = Duration.ofMillis(Math.round(Double.parseDouble(t.get().strip()) * 1000));
            } catch (NumberFormatException e) {
                w.add(ParseWarning.error(s.lineOf(prefix + "qualify_timeout"), "[" + s.name() + "] " + prefix
                        + "qualify_timeout=" + t.get() + " is not a number of seconds: res_pjsip refuses the AOR"));
            }
        }
        if (freq == 0) {
            return QualifySettings.off(Duration.ZERO);
        }
        return new QualifySettings(QualifySettings.Mode.ON, 0, Duration.ofSeconds(freq), timeout);
    }

    private static void checkObject(ConfigSection s, String type, List<ParseWarning> w) {
        Set<String> known = AsteriskOptionNames.pjsipType(type);
        if (known.isEmpty()) {
            return;
        }
        for (ConfigSection.Setting e : s.entries()) {
            if (!known.contains(e.key())) {
                w.add(ParseWarning.error(e.line(), "[" + s.name() + "] " + SecretText.option(e.key(), e.value())
                        + ": not a "
                        + type + " option - res_pjsip refuses to create this " + type));
            }
        }
    }

    private static void checkWizard(ConfigSection s, List<ParseWarning> w) {
        for (ConfigSection.Setting e : s.entries()) {
            int slash = e.key().indexOf('/');
            if (slash < 0) {
                if (!AsteriskOptionNames.PJSIP_WIZARD.contains(e.key())) {
                    w.add(ParseWarning.warning(e.line(), "[" + s.name() + "] " + SecretText.option(e.key(), e.value())
                            + ": not a pjsip_wizard option (object options need a prefix such as endpoint/ or aor/)"));
                }
                continue;
            }
            String prefix = e.key().substring(0, slash);
            String option = e.key().substring(slash + 1);
            if (!WIZARD_PREFIXES.contains(prefix)) {
                w.add(ParseWarning.warning(e.line(), "[" + s.name() + "] " + e.key() + ": unknown wizard prefix '"
                        + prefix + "/'"));
            } else if (!prefix.equals("phoneprov") && !AsteriskOptionNames.pjsipType(prefix).contains(option)) {
                w.add(ParseWarning.error(e.line(), "[" + s.name() + "] " + SecretText.option(e.key(), e.value())
                        + ": not a "
                        + prefix + " option - the wizard's " + prefix + " object is refused"));
            }
        }
    }

    private static String type(ConfigSection s) {
        return s.firstValue("type").orElse("").toLowerCase(Locale.ROOT);
    }

    static List<String> split(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** {@code sip:[user@]host[:port][;params]} (also {@code sips:}, angle brackets) to host and port. */
    static HostPort uriHostPort(String uri) {
        String u = uri.strip();
        if (u.startsWith("<") && u.endsWith(">")) {
            u = u.substring(1, u.length() - 1);
        }
        int defaultPort = 5060;
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            u = u.substring(5);
            defaultPort = 5061;
        } else if (lower.startsWith("sip:")) {
            u = u.substring(4);
        }
        int cut = indexOfAny(u, ";?>");
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int at = u.lastIndexOf('@');
        if (at >= 0) {
            u = u.substring(at + 1);
        }
        HostPort hp = hostPort(u);
        return hp.port() == 5060 && !u.contains(":") ? new HostPort(hp.host(), defaultPort) : hp;
    }

    /** {@code host}, {@code host:port} or {@code [v6]:port}; default port 5060. */
    static HostPort hostPort(String text) {
        String t = text.strip();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close > 0) {
                String host = t.substring(0, close + 1);
                String rest = t.substring(close + 1);
                int port = rest.startsWith(":") ? ChanSipPeers.parseInt(rest.substring(1)).orElse(5060) : 5060;
                return new HostPort(host, port);
            }
        }
        int colon = t.indexOf(':');
        if (colon > 0 && colon == t.lastIndexOf(':')) {
            return new HostPort(t.substring(0, colon), ChanSipPeers.parseInt(t.substring(colon + 1)).orElse(5060));
        }
        return new HostPort(t, 5060);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
