package trunkops.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a carrier's account_entry into sections and Asterisk peer identities.
 *
 * <p>The text is read with Asterisk's config grammar ({@code [name]}, {@code [name](!)} templates,
 * {@code [name](tpl1,tpl2)} inheritance, {@code [name](+)} additions, {@code key=value} / {@code key => value},
 * {@code ;} comments, CRLF). Template contents are appended after the account_entry, as the keepalive does, so
 * they land in the last section. Peers are derived per protocol: SIP and IAX2 from sections of type peer or
 * friend, PJSIP from {@code type=endpoint} sections and their AORs, PJSIP_WIZ from {@code type=wizard} sections.
 * Nothing here throws on bad input: problems become {@link ParseWarning}s.
 */
public final class AccountEntryParser {

    private AccountEntryParser() {
    }

    /** Parses the account_entry and template contents of {@code row} according to its protocol. */
    public static AccountEntry parse(CarrierRow row) {
        return parse(CarrierProtocol.parse(row.protocol()), row.accountEntry(), row.templateContents());
    }

    /**
     * Parses {@code accountEntry} followed by {@code templateContents} (either may be null or empty).
     */
    public static AccountEntry parse(CarrierProtocol protocol, String accountEntry, String templateContents) {
        String text = Rows.text(accountEntry);
        String template = Rows.text(templateContents);
        if (!template.isBlank()) {
            text = text + "\n" + template;
        }
        List<ParseWarning> warnings = new ArrayList<>();
        List<ConfigSection> sections = sections(text, warnings);
        List<Peer> peers = switch (protocol) {
            case SIP -> ChanSipPeers.derive(Tech.SIP, sections, warnings);
            case IAX2 -> ChanSipPeers.derive(Tech.IAX2, sections, warnings);
            case PJSIP -> PjsipPeers.endpoints(sections, warnings);
            case PJSIP_WIZ -> PjsipPeers.wizards(sections, warnings);
            case ZAP, EXTERNAL, UNKNOWN -> {
                if (!sections.isEmpty()) {
                    warnings.add(ParseWarning.info(0, "protocol " + protocol
                            + " generates no Asterisk configuration: the keepalive writes this account_entry nowhere"));
                }
                yield List.of();
            }
        };
        warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new AccountEntry(protocol, sections, peers, warnings);
    }

    /** Builds sections in order, applying {@code (+)} additions and template inheritance. */
    static List<ConfigSection> sections(String text, List<ParseWarning> warnings) {
        List<Builder> built = new ArrayList<>();
        Builder current = null;
        for (ConfigText.Line line : ConfigText.lines(text)) {
            if (line instanceof ConfigText.Header h) {
                current = header(h, built, warnings);
            } else if (line instanceof ConfigText.Entry e) {
                if (current == null) {
                    warnings.add(ParseWarning.warning(e.number(), "'" + e.key() + "' stands before any [section]: "
                            + "in the generated file it lands in the previous carrier's last section (or in [general])"));
                } else {
                    current.entries.add(new ConfigSection.Setting(e.key().toLowerCase(Locale.ROOT), e.value(),
                            e.number(), false));
                }
            } else if (line instanceof ConfigText.Directive d) {
                warnings.add(ParseWarning.warning(d.number(), "directive '" + d.text()
                        + "': Asterisk processes it, but what it pulls in is not visible from the database"));
            } else if (line instanceof ConfigText.Malformed m) {
                boolean fatal = m.problem().contains("whole file");
                warnings.add(new ParseWarning(fatal ? ParseWarning.Severity.ERROR : ParseWarning.Severity.WARNING,
                        m.number(), "'" + m.text() + "': " + m.problem()));
            }
        }
        return built.stream().map(Builder::build).toList();
    }

    private static Builder header(ConfigText.Header h, List<Builder> built, List<ParseWarning> warnings) {
        if (h.options().stream().anyMatch(o -> o.startsWith("+"))) {
            Optional<Builder> existing = built.stream().filter(b -> b.name.equals(h.name())).findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            warnings.add(ParseWarning.error(h.number(), "[" + h.name() + "](+) adds to a section that is not defined"
                    + " before it here; unless an earlier carrier defines it, Asterisk refuses the whole file"));
        }
        Builder b = new Builder(h.name(), h.options(), h.number());
        for (String base : b.build().inheritsFrom()) {
            Optional<Builder> template = built.stream().filter(t -> t.name.equals(base)).findFirst();
            if (template.isEmpty()) {
                warnings.add(ParseWarning.error(h.number(), "[" + h.name() + "] inherits from '" + base
                        + "', which is not defined before it here; unless an earlier carrier defines it, Asterisk"
                        + " refuses the whole file"));
                continue;
            }
            for (ConfigSection.Setting s : template.get().entries) {
                b.entries.add(new ConfigSection.Setting(s.key(), s.value(), s.line(), true));
            }
        }
        built.add(b);
        return b;
    }

    private static final class Builder {
        final String name;
        final List<String> options;
        final int line;
        final List<ConfigSection.Setting> entries = new ArrayList<>();

        Builder(String name, List<String> options, int line) {
            this.name = name;
            this.options = options;
            this.line = line;
        }

        ConfigSection build() {
            return new ConfigSection(name, options, line, entries);
        }
    }
}
