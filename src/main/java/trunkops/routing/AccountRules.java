package trunkops.routing;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

import trunkops.routing.LintFinding.Severity;
import trunkops.topology.AccountEntry;
import trunkops.topology.AsteriskOptionNames;
import trunkops.topology.CarrierProtocol;
import trunkops.topology.ConfigSection;
import trunkops.topology.Peer;
import trunkops.topology.QualifySettings;
import trunkops.topology.Tech;

/**
 * Rules about a carrier's account_entry: options the channel driver does not have (chan_sip and chan_iax2 ignore
 * them silently, res_pjsip refuses the object) and how long each peer's qualify settings take to notice a dead trunk
 * (asterisk-ami.md 1.1, 1.2, 1.5). Line numbers are the account_entry's.
 */
final class AccountRules {

    /** A dead trunk detected later than this is reported as a warning, sooner as information. */
    static final Duration SLOW_DETECTION = Duration.ofSeconds(30);

    private AccountRules() {
    }

    static void check(AccountEntry account, Consumer<LintFinding> out) {
        for (ConfigSection s : account.sections()) {
            options(account.protocol(), s, out);
        }
        for (Peer p : account.peers()) {
            int line = account.sections(p.name()).stream().mapToInt(ConfigSection::line).findFirst().orElse(0);
            out.accept(detection(p, line));
        }
    }

    private static void options(CarrierProtocol protocol, ConfigSection s, Consumer<LintFinding> out) {
        boolean pjsip = protocol == CarrierProtocol.PJSIP;
        if (s.name().equalsIgnoreCase("general")
                || !(protocol == CarrierProtocol.SIP || protocol == CarrierProtocol.IAX2 || pjsip)) {
            return;
        }
        Set<String> known = switch (protocol) {
            case SIP -> AsteriskOptionNames.CHAN_SIP;
            case IAX2 -> AsteriskOptionNames.CHAN_IAX2;
            default -> AsteriskOptionNames.pjsipType(s.value("type").orElse("").strip());
        };
        if (known.isEmpty()) {
            return;
        }
        String module = switch (protocol) {
            case SIP -> "chan_sip";
            case IAX2 -> "chan_iax2";
            default -> "res_pjsip " + s.value("type").orElse("");
        };
        for (ConfigSection.Setting e : s.entries()) {
            if (e.inherited() || known.contains(e.key()) || e.key().equals("register")) {
                continue;
            }
            String hint = protocol == CarrierProtocol.SIP ? AsteriskOptionNames.CHAN_SIP_HINTS.get(e.key()) : null;
            out.accept(new LintFinding(pjsip ? Severity.ERROR : Severity.WARNING, e.line(), "unknown-option",
                    "account_entry [" + s.name() + "] " + trunkops.text.SecretText.option(e.key(), e.value())
                            + " is not a " + module
                            + " option" + (pjsip ? ": res_pjsip refuses to create the whole object"
                            : ": it is silently ignored, so it does not do what it says")
                            + (hint == null ? "" : " (" + hint + ")"),
                    "remove the line" + (e.key().equals("fromhost") ? ", or write fromdomain=" + e.value() : "")));
        }
    }

    /** Worst-case time from a trunk dying to Asterisk marking it unreachable, with advice. */
    static LintFinding detection(Peer p, int line) {
        QualifySettings q = p.qualify();
        String who = "account_entry peer " + p.name();
        if (q.mode() == QualifySettings.Mode.GENERAL_DEFAULT) {
            return new LintFinding(Severity.INFO, line, "qualify-detection", who + " sets no qualify: detection "
                    + "follows sip.conf [general], which the database does not show",
                    "write qualify=yes and qualifyfreq=10 in the peer so the detection time is known (<= 14 s)");
        }
        if (!q.enabled()) {
            return new LintFinding(Severity.WARNING, line, "qualify-detection", who + " has qualify off: a dead "
                    + "trunk is never detected, so every call to it waits for the SIP transaction timeout (chan_sip "
                    + "and PJSIP: up to 32 s) unless Dial has a progress timeout", p.tech() == Tech.PJSIP
                    ? "set qualify_frequency=10 on its AOR" : p.tech() == Tech.IAX2
                    ? "set qualify=yes and qualifyfreqok=10000" : "set qualify=yes (or a ms threshold) and qualifyfreq=10");
        }
        Duration worst = q.frequency().plus(q.timeout());
        String how = p.tech() == Tech.PJSIP
                ? "qualify_frequency " + q.frequency().toSeconds() + " s + qualify_timeout " + ms(q.timeout())
                : p.tech() == Tech.SIP ? "qualifyfreq " + q.frequency().toSeconds() + " s + 2 x maxms "
                + q.maxMs() + " ms" : "qualifyfreqok " + ms(q.frequency()) + " + probe timeout " + ms(q.timeout());
        boolean slow = worst.compareTo(SLOW_DETECTION) > 0;
        return new LintFinding(slow ? Severity.WARNING : Severity.INFO, line, "qualify-detection", who
                + " is detected dead at worst " + ms(worst) + " after it stops answering (" + how + "); until then "
                + "calls to it wait for the Dial progress timeout (or the SIP transaction timeout, up to 32 s, without one)",
                slow ? "lower the probe interval (chan_sip qualifyfreq=10, PJSIP qualify_frequency=10, IAX2 "
                        + "qualifyfreqok=10000) to detect within ~14 s"
                        : "fine; keep a Dial progress timeout (^5) for the calls placed before it is detected");
    }

    private static String ms(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }
}
