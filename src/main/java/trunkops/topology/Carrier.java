package trunkops.topology;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A carrier row with everything parsed out of it.
 *
 * @param row       the {@code vicidial_server_carriers} row
 * @param protocol  its protocol, which decides where (and whether) the keepalive writes it
 * @param serverIds the dialing servers it is generated on ({@code 0.0.0.0} expanded); computed for inactive
 *                  carriers too, so the UI can show where they would apply
 * @param account   the parsed account_entry (+ template contents)
 * @param globals   the parsed globals_string
 * @param dialplan  the parsed dialplan_entry, Dial targets resolved with the carrier's own globals
 * @param warnings  row-level problems (unknown protocol, a server_ip no active server has, ...); the parsers'
 *                  warnings stay in account, globals and dialplan
 */
public record Carrier(CarrierRow row, CarrierProtocol protocol, List<String> serverIds, AccountEntry account,
                      GlobalsString globals, DialplanEntry dialplan, List<ParseWarning> warnings) {

    public Carrier {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(protocol, "protocol");
        serverIds = List.copyOf(serverIds);
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(globals, "globals");
        Objects.requireNonNull(dialplan, "dialplan");
        warnings = List.copyOf(warnings);
    }

    public String carrierId() {
        return row.carrierId();
    }

    public boolean active() {
        return row.active();
    }

    /** Whether its peers and patterns are live anywhere: active, a protocol the keepalive generates, on some server. */
    public boolean routes() {
        return row.active() && protocol.generatesConfig() && !serverIds.isEmpty();
    }

    public List<Peer> peers() {
        return account.peers();
    }

    public List<DialPattern> patterns() {
        return dialplan.patterns();
    }

    /** Every warning about this carrier: row, account_entry, globals_string and dialplan_entry. */
    public List<ParseWarning> allWarnings() {
        return Stream.of(warnings, account.warnings(), globals.warnings(), dialplan.warnings())
                .flatMap(List::stream).toList();
    }
}
