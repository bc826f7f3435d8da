package trunkops.testutil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real server's answers to the client's requests in AMI transcripts, for {@link ScriptedManager#otherActions}:
 * a request (action and its {@code Endpoint}, lower case) is answered with what the transcript's server sent after
 * the same request and before the next one, with the asking client's ActionID. A request made several times in the
 * transcripts gets those answers in order, the last one again ever after (a poll repeats).
 */
public final class TranscriptAnswers {

    private final Map<String, List<String>> answers = new HashMap<>();
    private final Map<String, Integer> used = new HashMap<>();

    /** The answers in {@code resources} (fixture names under /ami-fixtures). */
    public static TranscriptAnswers of(String... resources) throws IOException {
        TranscriptAnswers a = new TranscriptAnswers();
        for (String r : resources) {
            for (AmiTranscript.Connection c : AmiTranscript.load(r).connections()) {
                a.add(c);
            }
        }
        return a;
    }

    private void add(AmiTranscript.Connection c) {
        String pending = null;
        StringBuilder answer = new StringBuilder();
        for (AmiTranscript.Step s : c.steps()) {
            if (s instanceof AmiTranscript.Client cl) {
                flush(pending, answer);
                pending = key(fields(cl.lines()));
                answer = new StringBuilder();
            } else if (s instanceof AmiTranscript.Server m && pending != null && m.lines().stream()
                    .anyMatch(l -> l.startsWith("ActionID:"))) { // unsolicited events are not part of an answer
                answer.append(String.join("\r\n", m.lines())).append("\r\n\r\n");
            }
        }
        flush(pending, answer);
    }

    private void flush(String pending, StringBuilder answer) {
        if (pending != null && !pending.startsWith("login|") && !pending.startsWith("logoff|") && answer.length() > 0) {
            answers.computeIfAbsent(pending, k -> new ArrayList<>()).add(answer.toString());
        }
    }

    public static Map<String, String> fields(List<String> lines) {
        Map<String, String> m = new HashMap<>();
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                m.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
            }
        }
        return m;
    }

    private static String key(Map<String, String> m) {
        return m.getOrDefault("action", "").toLowerCase(Locale.ROOT) + "|" + m.getOrDefault("endpoint", "");
    }

    /** The answer to a request (header names lower case, as {@link ScriptedManager} reads them), or null. */
    public synchronized String answer(Map<String, String> request) {
        String k = key(request);
        List<String> l = answers.get(k);
        if (l == null) {
            return null;
        }
        int i = used.merge(k, 1, Integer::sum) - 1;
        String a = l.get(Math.min(i, l.size() - 1));
        return a.replaceAll("ActionID: [^\r]*", "ActionID: " + request.getOrDefault("actionid", ""));
    }

    /** Whether the transcripts answered this action at all. */
    public boolean knows(String action) {
        return answers.keySet().stream().anyMatch(k -> k.startsWith(action.toLowerCase(Locale.ROOT) + "|"));
    }

    /**
     * The unsolicited events of a transcript (no ActionID) with the given {@code Event:} names, in order, as wire
     * frames ({@code Event: ContactStatus ... \r\n\r\n}).
     */
    public static List<String> events(String resource, String... names) throws IOException {
        List<String> out = new ArrayList<>();
        for (AmiTranscript.Connection c : AmiTranscript.load(resource).connections()) {
            for (AmiTranscript.Server m : c.serverMessages()) {
                if (m.lines().isEmpty() || m.lines().stream().anyMatch(l -> l.startsWith("ActionID:"))) {
                    continue;
                }
                for (String n : names) {
                    if (m.lines().get(0).equals("Event: " + n)) {
                        out.add(String.join("\r\n", m.lines()) + "\r\n\r\n");
                    }
                }
            }
        }
        return out;
    }
}
