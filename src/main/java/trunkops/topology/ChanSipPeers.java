package trunkops.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import trunkops.text.SecretText;

/**
 * chan_sip and chan_iax2 peers from sections: a section needs a {@code type} (the first one decides whether the
 * section is loaded at all: user, friend or peer); it is dialable when its type lines make it a peer (peer or
 * friend). Sections with the same name are applied one after another onto one peer, as build_peer does.
 */
final class ChanSipPeers {

    private static final int DEFAULT_MAXMS = 2000;
    private static final Duration SIP_DEFAULT_FREQ = Duration.ofSeconds(60);
    private static final Duration IAX_DEFAULT_FREQ = Duration.ofMillis(60_000);
    private static final int IAX_MAX_RETRY_MS = 10_000;

    private ChanSipPeers() {
    }

    static List<Peer> derive(Tech tech, List<ConfigSection> sections, List<ParseWarning> warnings) {
        String module = tech == Tech.SIP ? "chan_sip" : "chan_iax2";
        Map<String, List<ConfigSection>> byName = new LinkedHashMap<>();
        for (ConfigSection s : sections) {
            if (s.isTemplate()) {
                continue;
            }
            if (s.name().equalsIgnoreCase("general") || s.name().equalsIgnoreCase("authentication")) {
                warnings.add(ParseWarning.error(s.line(), "[" + s.name() + "] inside account_entry: " + module
                        + " reads it as global settings, not a carrier"));
                continue;
            }
            String type = s.firstValue("type").orElse(null);
            if (type == null) {
                warnings.add(ParseWarning.warning(s.line(), "[" + s.name() + "] has no type= line: " + module
                        + " skips the section (\"lacks type\")"));
                continue;
            }
            if (!Set.of("peer", "friend", "user").contains(type.toLowerCase(Locale.ROOT))) {
                warnings.add(ParseWarning.warning(s.lineOf("type"), "[" + s.name() + "] type=" + type
                        + " is not user, friend or peer: " + module + " skips the section"));
                continue;
            }
            String key = tech.caseInsensitiveNames() ? s.name().toLowerCase(Locale.ROOT) : s.name();
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Peer> peers = new ArrayList<>();
        for (List<ConfigSection> group : byName.values()) {
            Peer p = peer(tech, group, warnings);
            if (p != null) {
                peers.add(p);
            }
        }
        return peers;
    }

    private static Peer peer(Tech tech, List<ConfigSection> group, List<ParseWarning> sectionWarnings) {
        ConfigSection first = group.get(0);
        List<ConfigSection.Setting> entries = new ArrayList<>();
        group.forEach(s -> entries.addAll(s.entries()));
        ConfigSection merged = new ConfigSection(first.name(), first.options(), first.line(), entries);
        if (group.size() > 1) {
            sectionWarnings.add(ParseWarning.warning(group.get(1).line(), "[" + first.name() + "] is defined "
                    + group.size() + " times: Asterisk applies the later sections on top of the first, one peer"));
        }
        boolean isPeer = false;
        for (String type : merged.values("type")) {
            String t = type.toLowerCase(Locale.ROOT);
            isPeer |= t.equals("peer") || t.equals("friend");
        }
        List<ParseWarning> w = new ArrayList<>();
        checkOptions(tech, merged, w);
        if (!isPeer) {
            w.forEach(sectionWarnings::add);
            sectionWarnings.add(ParseWarning.info(first.line(), "[" + first.name() + "] is type=user only: it "
                    + "authenticates inbound calls but is not a dialable peer"));
            return null;
        }
        List<HostPort> addresses = new ArrayList<>();
        String host = merged.value("host").orElse("");
        if (host.isEmpty()) {
            w.add(ParseWarning.warning(first.line(), "peer " + first.name() + " has no host= line: calls to it "
                    + "fail (no address) unless it is host=dynamic and registers"));
        } else {
            int port = 0;
            if (!host.equalsIgnoreCase("dynamic")) {
                port = merged.value("port").map(v -> parseInt(v).orElse(-1)).orElse(tech.defaultPort());
                if (port <= 0 || port > 65535) {
                    w.add(ParseWarning.warning(merged.lineOf("port"), "peer " + first.name() + " port="
                            + merged.value("port").orElse("") + " is not a port number"));
                    port = tech.defaultPort();
                }
            }
            addresses.add(new HostPort(host, port));
        }
        QualifySettings qualify = tech == Tech.SIP ? sipQualify(merged, w) : iaxQualify(merged, w);
        sectionWarnings.addAll(w);
        return new Peer(first.name(), tech, merged.values("type").stream().anyMatch(t -> t.equalsIgnoreCase("friend"))
                ? "friend" : "peer", addresses, List.of(), qualify, w);
    }

    private static void checkOptions(Tech tech, ConfigSection s, List<ParseWarning> w) {
        Set<String> known = tech == Tech.SIP ? AsteriskOptionNames.CHAN_SIP : AsteriskOptionNames.CHAN_IAX2;
        String module = tech == Tech.SIP ? "chan_sip" : "chan_iax2";
        for (ConfigSection.Setting e : s.entries()) {
            String where = "[" + s.name() + "] " + SecretText.option(e.key(), e.value())
                    + (e.inherited() ? " (from template)" : "");
            if (e.key().equals("register")) {
                w.add(ParseWarning.warning(e.line(), where + ": a register line inside a peer section is ignored; "
                        + "put it in the carrier's registration_string"));
            } else if (!known.contains(e.key())) {
                String hint = tech == Tech.SIP ? AsteriskOptionNames.CHAN_SIP_HINTS.get(e.key()) : null;
                w.add(ParseWarning.warning(e.line(), where + ": not a " + module + " peer option, silently ignored"
                        + (hint == null ? "" : " - " + hint)));
            } else if (tech == Tech.SIP && e.key().equals("username")) {
                w.add(ParseWarning.info(e.line(), where + ": deprecated in chan_sip, use defaultuser"));
            }
        }
    }

    /** chan_sip build_peer: each qualify line overwrites maxms; qualifyfreq is seconds. */
    private static QualifySettings sipQualify(ConfigSection s, List<ParseWarning> w) {
        Duration freq = SIP_DEFAULT_FREQ;
        for (String v : s.values("qualifyfreq")) {
            OptionalInt n = parseInt(v);
            if (n.isPresent()) {
                freq = Duration.ofSeconds(n.getAsInt());
            } else {
                w.add(ParseWarning.warning(s.lineOf("qualifyfreq"), "[" + s.name() + "] qualifyfreq=" + v
                        + " is not a number of seconds: chan_sip uses the [general] value (default 60)"));
                freq = SIP_DEFAULT_FREQ;
            }
        }
        List<String> qualifies = s.values("qualify");
        if (qualifies.isEmpty()) {
            w.add(ParseWarning.info(s.line(), "peer " + s.name() + " sets no qualify: it follows sip.conf [general]"
                    + " qualify, which the database does not show (ViciDial's sample sets yes = 2000 ms)"));
            return new QualifySettings(QualifySettings.Mode.GENERAL_DEFAULT, 0, freq, Duration.ZERO);
        }
        int maxMs = qualifyMs(s, qualifies.get(qualifies.size() - 1), "sip.conf", w);
        return maxMs > 0
                ? new QualifySettings(QualifySettings.Mode.ON, maxMs, freq, Duration.ofMillis(2L * maxMs))
                : QualifySettings.off(freq);
    }

    /** chan_iax2 build_peer: qualify as chan_sip; qualifyfreqok in milliseconds. */
    private static QualifySettings iaxQualify(ConfigSection s, List<ParseWarning> w) {
        Duration freq = IAX_DEFAULT_FREQ;
        for (String v : s.values("qualifyfreqok")) {
            OptionalInt n = parseInt(v);
            if (n.isPresent()) {
                freq = Duration.ofMillis(n.getAsInt());
            } else {
                w.add(ParseWarning.warning(s.lineOf("qualifyfreqok"), "[" + s.name() + "] qualifyfreqok=" + v
                        + " is not a number of milliseconds: the previous value stays"));
            }
        }
        List<String> qualifies = s.values("qualify");
        int maxMs = qualifies.isEmpty() ? 0 : qualifyMs(s, qualifies.get(qualifies.size() - 1), "iax.conf", w);
        if (maxMs <= 0) {
            return QualifySettings.off(freq);
        }
        long timeout = Math.min(2L * IAX_MAX_RETRY_MS + maxMs, freq.toMillis() * 5 / 6);
        return new QualifySettings(QualifySettings.Mode.ON, maxMs, freq, Duration.ofMillis(timeout));
    }

    private static int qualifyMs(ConfigSection s, String value, String file, List<ParseWarning> w) {
        if (value.equalsIgnoreCase("no")) {
            return 0;
        }
        if (value.equalsIgnoreCase("yes")) {
            return DEFAULT_MAXMS;
        }
        OptionalInt n = parseInt(value);
        if (n.isEmpty()) {
            w.add(ParseWarning.warning(s.lineOf("qualify"), "[" + s.name() + "] qualify=" + value + " should be yes, "
                    + "no or milliseconds: Asterisk (" + file + ") turns qualify off"));
            return 0;
        }
        return n.getAsInt();
    }

    /** C {@code sscanf("%d")}: optional blanks and sign, then at least one digit; trailing text ignored. */
    static OptionalInt parseInt(String v) {
        String t = v.strip();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && i - start < 9) {
            i++;
        }
        if (i == start) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(t.substring(0, i)));
    }
}
