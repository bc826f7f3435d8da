package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.control.AstDbLink.AstDbException;
import trunkops.testutil.AmiTranscript;
import trunkops.testutil.ScriptedManager;

/**
 * The change link against what the real Asterisk 20.20.1 answered (fixture 07-astdb): DBPut's ack, DBGet's list
 * (completes on the DBGetResponse item), DBGet's miss ("Database entry not found" = no entry), DBDel's hit and
 * miss (the same request twice: "Key deleted successfully", then "Database entry could not be deleted"). Each
 * request is answered with the transcript's own server messages, in order, with the client's ActionID.
 */
class AmiAstDbLinkFixtureTest {

    /** Request (action|family|key|val) to the transcript's answers for it, oldest first. */
    static Map<String, Deque<String>> answers() throws Exception {
        Map<String, Deque<String>> out = new HashMap<>();
        String pending = null;
        StringBuilder answer = new StringBuilder();
        for (AmiTranscript.Step s : AmiTranscript.load("07-astdb.ami").connections().get(0).steps()) {
            if (s instanceof AmiTranscript.Client c) {
                flush(out, pending, answer);
                pending = key(fields(c.lines()));
                answer = new StringBuilder();
            } else if (s instanceof AmiTranscript.Server m && pending != null) {
                answer.append(String.join("\r\n", m.lines())).append("\r\n\r\n");
            }
        }
        flush(out, pending, answer);
        return out;
    }

    private static void flush(Map<String, Deque<String>> out, String pending, StringBuilder answer) {
        if (pending != null) {
            out.computeIfAbsent(pending, k -> new ArrayDeque<>()).add(answer.toString());
        }
    }

    static Map<String, String> fields(List<String> lines) {
        Map<String, String> m = new HashMap<>();
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                m.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
            }
        }
        return m;
    }

    static String key(Map<String, String> m) {
        return m.getOrDefault("action", "").toLowerCase(Locale.ROOT) + "|" + m.getOrDefault("family", "") + "|"
                + m.getOrDefault("key", "") + "|" + m.getOrDefault("val", "");
    }

    @Test
    void theLinkReadsWhatAsterisk20Answers() throws Exception {
        Map<String, Deque<String>> script = answers();
        try (ScriptedManager ami = new ScriptedManager()) {
            ami.otherActions = m -> {
                Deque<String> q = script.get(key(m));
                String a = q == null ? null : q.poll();
                return a == null ? null : a.replaceAll("ActionID: [^\r]*", "ActionID: " + m.get("actionid"));
            };
            try (AmiAstDbLink link = new AmiAstDbLink(new AmiTarget("D1", "127.0.0.1", ami.port(),
                    ScriptedManager.USER), ScriptedManager.SECRET::toCharArray, 2000)) {
                link.put("trunkops", "weight/trunk1", "70");
                assertEquals(Optional.of("70"), link.get("trunkops", "weight/trunk1"));
                assertEquals(Optional.empty(), link.get("trunkops", "weight/trunk9"), "a miss is no entry");
                assertTrue(link.delete("trunkops", "trunk1/offline"), "Key deleted successfully");
                assertFalse(link.delete("trunkops", "trunk1/offline"), "a missing key is nothing to delete");
                AstDbException e = assertThrows(AstDbException.class, () -> link.put("trunkops", "nope", "1"));
                assertFalse(e.unreachable(), "the dialer answered: refused, not unreachable");
                assertTrue(e.getMessage().startsWith("DBPut refused: Invalid/unknown command"), e.getMessage());
            }
        }
    }
}
