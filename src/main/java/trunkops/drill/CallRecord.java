package trunkops.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import trunkops.text.SafeText;

/**
 * One test call as the dialer reported it.
 *
 * @param phase     {@code drill} (A out) or {@code verify} (after the restore)
 * @param startMs   epoch ms of the call's first event on the dialer (its clock), or when it was sent
 * @param answerMs  epoch ms of the answer ({@code DialEnd ANSWER}), -1 when not answered
 * @param skips     {@code TECH/peer: reason} of every TrunkOpsSkip
 * @param evidence  the call's events, one line each, in the order they came
 * @param answerRx  epoch ms (the console's clock) when the answer event arrived, -1 when not answered
 */
public record CallRecord(int index, String phase, String channelId, Instant sent, boolean connected,
                         String originateReason, List<String> skips, List<Attempt> attempts, long startMs,
                         long answerMs, long answerRx, List<String> evidence) {

    /**
     * One Dial of the route.
     *
     * @param dialStatus  the route's DIALSTATUS ({@code TrunkOpsResult}), ANSWER for the answered attempt, empty when
     *                    neither is known
     * @param amiDialEnd  the trunk leg's DialEnd status (what AMI says; empty when the leg never existed)
     * @param next        failover | stop, as the route decided; empty for the answered attempt
     */
    public record Attempt(int n, String trunk, long atMs, String dialStatus, String hangupCause, String sipCause,
                          String next, String amiDialEnd) {
        public boolean answered() {
            return "ANSWER".equals(dialStatus);
        }
    }

    public CallRecord {
        skips = List.copyOf(skips);
        attempts = List.copyOf(attempts);
        evidence = List.copyOf(evidence);
    }

    public Optional<String> answeredBy() {
        return attempts.stream().filter(Attempt::answered).map(Attempt::trunk).findFirst();
    }

    /** From the call's first event to its answer, ms; -1 when not answered. */
    public long timeToAnswerMs() {
        return answerMs < 0 ? -1 : answerMs - startMs;
    }

    /** Time spent before the answering attempt began (failed attempts), ms; 0 when the first attempt answered. */
    public long failoverDelayMs() {
        if (attempts.size() < 2) {
            return 0;
        }
        return attempts.get(attempts.size() - 1).atMs() - attempts.get(0).atMs();
    }

    static CallRecord of(int index, String phase, String channelId, Instant sent, Map<String, String> originate,
                         List<Map<String, String>> events) {
        List<String> evidence = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        Map<Integer, String[]> byN = new LinkedHashMap<>();
        Map<Integer, Integer> position = new LinkedHashMap<>();
        long start = events.stream().mapToLong(e -> Long.parseLong(e.get("_at"))).min().orElse(sent.toEpochMilli());
        long answer = -1;
        long answerRx = -1;
        for (int i = 0; i < events.size(); i++) {
            Map<String, String> e = events.get(i);
            String ev = e.getOrDefault("Event", "");
            String user = e.getOrDefault("UserEvent", "");
            if (ev.equals("UserEvent") && user.startsWith("TrunkOps")) {
                evidence.add(line(e, user, List.of("attempt", "trunk", "reason", "dialstatus", "hangupcause",
                        "sipcause", "next")));
                int n = parse(e.get("attempt"));
                switch (user) {
                    case "TrunkOpsSkip" -> skips.add(e.getOrDefault("trunk", "?") + ": " + e.getOrDefault("reason", "?"));
                    case "TrunkOpsAttempt" -> {
                        byN.put(n, new String[] {e.getOrDefault("trunk", "?"), e.get("_at"), "", "", "", "", ""});
                        position.put(n, i);
                    }
                    case "TrunkOpsResult" -> {
                        String[] a = byN.get(n);
                        if (a != null) {
                            a[3] = e.getOrDefault("dialstatus", "");
                            a[4] = e.getOrDefault("hangupcause", "");
                            a[5] = e.getOrDefault("sipcause", "");
                            a[6] = e.getOrDefault("next", "");
                        }
                    }
                    default -> { }
                }
            } else if (ev.equals("DialBegin") || ev.equals("DialEnd")) {
                evidence.add(line(e, ev, List.of("DestChannel", "DialString", "DialStatus")));
                if (ev.equals("DialEnd")) {
                    answer = dialEnd(e, byN, position, i, answer);
                    if (answer >= 0 && answerRx < 0) {
                        answerRx = Long.parseLong(e.get("_rx"));
                    }
                }
            }
        }
        boolean connected = originate != null && "Success".equalsIgnoreCase(originate.get("Response"));
        if (originate != null) {
            evidence.add(line(originate, "OriginateResponse", List.of("Response", "Reason")));
        }
        List<Attempt> attempts = new ArrayList<>();
        int last = byN.isEmpty() ? -1 : byN.keySet().stream().mapToInt(Integer::intValue).max().getAsInt();
        for (Map.Entry<Integer, String[]> en : byN.entrySet()) {
            String[] a = en.getValue();
            String status = a[3];
            if (status.isEmpty() && connected && en.getKey() == last) {
                status = "ANSWER";
            }
            attempts.add(new Attempt(en.getKey(), a[0], Long.parseLong(a[1]), status, a[4], a[5], a[6], a[2]));
        }
        if (connected && answer < 0 && originate != null) {
            answer = Long.parseLong(originate.get("_at"));
            answerRx = Long.parseLong(originate.get("_rx"));
        }
        String reason = originate == null ? "no OriginateResponse" : originate.getOrDefault("Reason", "");
        return new CallRecord(index, phase, channelId, sent, connected, reason, skips, attempts, start,
                connected ? answer : -1,
                connected ? answerRx : -1, evidence);
    }

    private static long dialEnd(Map<String, String> e, Map<Integer, String[]> byN, Map<Integer, Integer> position,
                                int i, long answer) {
        String dest = e.getOrDefault("DestChannel", "");
        int best = -1;
        for (Map.Entry<Integer, String[]> en : byN.entrySet()) {
            if (position.get(en.getKey()) < i && dest.startsWith(en.getValue()[0] + "-")) {
                best = en.getKey();
            }
        }
        if (best >= 0 && byN.get(best)[2].isEmpty()) {
            byN.get(best)[2] = e.getOrDefault("DialStatus", ""); // a leg's first DialEnd is its outcome
        }
        return "ANSWER".equals(e.get("DialStatus")) ? Long.parseLong(e.get("_at")) : answer;
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String line(Map<String, String> e, String what, List<String> keys) {
        StringBuilder b = new StringBuilder(EventTimes.clock(Long.parseLong(e.get("_at")))).append(' ').append(what);
        for (String k : keys) {
            String v = e.get(k);
            if (v != null) {
                b.append(' ').append(k).append('=').append(v);
            }
        }
        return SafeText.display(b.toString());
    }
}
