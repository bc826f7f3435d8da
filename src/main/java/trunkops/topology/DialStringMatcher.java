package trunkops.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which carrier extension a dial string runs on one dialer, decided exactly as that dialer's Asterisk decides it
 * from the {@code [vicidial-auto-external]} the keepalive generates: the carriers live on the server merged in
 * emit order ({@link ServerDialplan}: a second registration of the same extension keeps the first carrier's lines),
 * then the first extension in ext_cmp order ({@link DialPattern#compareTo}) that matches. Immutable and thread-safe;
 * build one per topology.
 *
 * <p>For speed on millions of rows, each server's extensions are pre-filtered by the first character of the dial
 * string ({@link DialPattern#canMatchPrefix}); the answer is the same as trying every extension in order. Callers
 * with many rows per dialer keep that dialer's {@link Server} ({@link #forServer}).
 */
public final class DialStringMatcher {

    /** One dialer's matcher; {@link #match} is what {@link DialStringMatcher#match} answers for that dialer. */
    public static final class Server {
        private final ServerDialplan dialplan;
        @SuppressWarnings("unchecked")
        private final List<ServerDialplan.Ext>[] byFirstChar = new List[128];

        private Server(ServerDialplan dialplan) {
            this.dialplan = dialplan;
            for (char c = 0; c < 128; c++) {
                String first = String.valueOf(c);
                List<ServerDialplan.Ext> can = new ArrayList<>();
                for (ServerDialplan.Ext e : dialplan.extensions()) {
                    if (e.pattern().canMatchPrefix(first)) {
                        can.add(e);
                    }
                }
                byFirstChar[c] = List.copyOf(can);
            }
        }

        /** The extension Asterisk runs for {@code dialString} on this dialer, as the carrier that registered it. */
        public Optional<PatternRef> match(String dialString) {
            return Optional.ofNullable(matchOrNull(dialString));
        }

        /** {@link #match} without the Optional, for per-row use; null when nothing matches. */
        public PatternRef matchOrNull(String dialString) {
            if (dialString == null || dialString.isEmpty()) {
                return null;
            }
            char c = dialString.charAt(0);
            List<ServerDialplan.Ext> candidates = c < 128 ? byFirstChar[c] : dialplan.extensions();
            for (int i = 0; i < candidates.size(); i++) {
                ServerDialplan.Ext e = candidates.get(i);
                if (e.pattern().matches(dialString)) {
                    return e.ref();
                }
            }
            return null;
        }
    }

    private final Map<String, Server> servers;

    private DialStringMatcher(Map<String, Server> servers) {
        this.servers = servers;
    }

    /** The matcher of every dialing server of {@code topology}. */
    public static DialStringMatcher of(ClusterTopology topology) {
        Map<String, Server> servers = new HashMap<>();
        for (DialerServer s : topology.servers()) {
            if (!s.dials()) {
                continue;
            }
            List<Carrier> live = TopologyBuilder.liveOn(s.serverId(), topology.carriers());
            servers.put(s.serverId(), new Server(ServerDialplan.build(s.serverId(), live)));
        }
        return new DialStringMatcher(servers);
    }

    /** The matcher of one dialing server, empty when {@code serverId} does not dial. */
    public Optional<Server> forServer(String serverId) {
        return Optional.ofNullable(servers.get(serverId));
    }

    /** Whether {@code serverId} is a dialing server of the topology. */
    public boolean knows(String serverId) {
        return servers.containsKey(serverId);
    }

    /**
     * The extension Asterisk runs for {@code dialString} on {@code serverId}, as the carrier that registered it
     * (whose lines run); empty when nothing matches or the server does not dial.
     */
    public Optional<PatternRef> match(String serverId, String dialString) {
        Server server = servers.get(serverId);
        return server == null ? Optional.empty() : server.match(dialString);
    }

    /**
     * Every carrier pattern on {@code serverId} that matches {@code dialString}, in precedence order: the first is
     * what {@link #match} answers (unless a collision gave that extension to an earlier carrier), the rest lose to
     * it. For explaining overlapping patterns, not for per-row use.
     */
    public List<PatternRef> allMatches(String serverId, String dialString) {
        Server server = servers.get(serverId);
        if (server == null || dialString == null) {
            return List.of();
        }
        return server.dialplan.patterns().stream().filter(p -> p.pattern().matches(dialString)).toList();
    }

    /** Every carrier pattern live on {@code serverId}, in Asterisk's precedence order (colliding ones included). */
    public List<PatternRef> patterns(String serverId) {
        Server server = servers.get(serverId);
        return server == null ? List.of() : server.dialplan.patterns();
    }
}
