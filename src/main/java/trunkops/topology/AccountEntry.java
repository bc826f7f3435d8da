package trunkops.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's account_entry (with its template contents appended, as the keepalive writes them) read the way
 * Asterisk reads it.
 *
 * @param protocol the carrier's protocol, which decides which module reads the sections
 * @param sections every section in order, templates included, inheritance applied
 * @param peers    the dialable identities the sections define
 * @param warnings everything Asterisk would ignore, reinterpret or refuse, in line order
 */
public record AccountEntry(CarrierProtocol protocol, List<ConfigSection> sections, List<Peer> peers,
                           List<ParseWarning> warnings) {

    public AccountEntry {
        Objects.requireNonNull(protocol, "protocol");
        sections = List.copyOf(sections);
        peers = List.copyOf(peers);
        warnings = List.copyOf(warnings);
    }

    /** The peer Asterisk would find for {@code Dial(TECH/name)}, honouring the technology's name case rule. */
    public Optional<Peer> peer(String name) {
        return peers.stream().filter(p -> p.tech().sameName(p.name(), name)).findFirst();
    }

    /** Sections with this exact name, in order (PJSIP puts aor, identify and endpoint under one name). */
    public List<ConfigSection> sections(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).toList();
    }
}
