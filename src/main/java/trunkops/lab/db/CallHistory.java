package trunkops.lab.db;

import java.util.List;

/** What {@link CallHistoryGenerator} decided: every auto-dial attempt (with its truth) and every peer event. */
public record CallHistory(List<GeneratedCall> calls, List<PeerEvent> peerEvents) {

    public CallHistory {
        calls = List.copyOf(calls);
        peerEvents = List.copyOf(peerEvents);
    }

    /** The attempts that reached a carrier (the rest have only a vicidial_dial_log row). */
    public List<GeneratedCall> routedCalls() {
        return calls.stream().filter(GeneratedCall::routed).toList();
    }
}
