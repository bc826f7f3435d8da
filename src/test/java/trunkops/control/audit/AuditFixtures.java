package trunkops.control.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.topology.Tech;

/** Requests, results and identities the audit tests share. */
public final class AuditFixtures {

    public static final Identity ALICE = new Identity("alice", "noc-3", Role.OPERATOR);

    private AuditFixtures() {
    }

    public static ControlRequest offline(String peer, String reason, String... servers) {
        return new ControlRequest(ControlVerb.OFFLINE, Tech.SIP, peer, List.of(servers), Optional.empty(),
                OptionalInt.empty(), Optional.of(Instant.parse("2026-12-05T09:00:00Z")), reason,
                Optional.of("INC-42"), ALICE.who());
    }

    public static ControlRequest weight(String route, String peer, int w) {
        return new ControlRequest(ControlVerb.WEIGHT, Tech.PJSIP, peer, List.of(), Optional.of(route),
                OptionalInt.of(w), Optional.empty(), "rebalance", Optional.empty(), "bob@noc-1");
    }

    /** dial1 applied, dial2 failed with {@code detail}. */
    public static ControlResult mixed(ControlRequest r, String detail) {
        return new ControlResult(r, List.of(new DialerOutcome("dial1", DialerOutcome.Status.APPLIED, ""),
                new DialerOutcome("dial2", DialerOutcome.Status.FAILED, detail)), Duration.ofMillis(212));
    }

    /** A clock that moves one second on every reading, from {@code start}. */
    public static Clock ticking(Instant start) {
        return new Clock() {
            private Instant now = start;

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                Instant t = now;
                now = now.plusSeconds(1);
                return t;
            }
        };
    }
}
