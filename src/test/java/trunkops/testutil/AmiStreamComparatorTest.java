package trunkops.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The replay comparison must notice what matters and only mask what differs on every run. */
class AmiStreamComparatorTest {

    private static List<List<String>> server(String fixture) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (AmiTranscript.Server s : AmiTranscript.load(fixture).connections().get(0).serverMessages()) {
            out.add(new ArrayList<>(s.lines()));
        }
        return out;
    }

    @Test
    void aStreamEqualsItself() throws Exception {
        List<List<String>> s = server("06-originate-local-failover.ami");
        assertEquals(List.of(), AmiStreamComparator.compare(s, s));
    }

    @Test
    void runVariableValuesAreMaskedButTextIsNot() throws Exception {
        List<List<String>> real = server("01-login-plain-logoff.ami");
        List<List<String>> lab = server("01-login-plain-logoff.ami");
        int fb = indexOf(lab, "Event: FullyBooted");
        lab.get(fb).set(lab.get(fb).indexOf("Uptime: 170"), "Uptime: 4242");
        assertEquals(List.of(), AmiStreamComparator.compare(real, lab), "Uptime differs on every run");
        int bye = indexOf(lab, "Response: Goodbye");
        lab.get(bye).set(lab.get(bye).size() - 1, "Message: Bye.");
        assertFalse(AmiStreamComparator.compare(real, lab).isEmpty(), "a different Message must be noticed");
    }

    @Test
    void oneChannelsEventOrderMatters() throws Exception {
        List<List<String>> real = server("06-originate-async-success.ami");
        List<List<String>> lab = server("06-originate-async-success.ami");
        int a = indexOf(lab, "Event: DialBegin");
        int b = indexOf(lab, "Event: DialState");
        Collections.swap(lab, a, b);
        assertTrue(AmiStreamComparator.compare(real, lab).stream().anyMatch(d -> d.contains("shape differs")));
    }

    @Test
    void aMissingEventOrHeaderIsNoticed() throws Exception {
        List<List<String>> real = server("04-peerstatus-unreachable.ami");
        List<List<String>> lab = server("04-peerstatus-unreachable.ami");
        int ps = indexOf(lab, "PeerStatus: Unreachable");
        lab.get(ps).remove("Time: -1");
        assertTrue(AmiStreamComparator.compare(real, lab).stream().anyMatch(d -> d.contains("shape differs")));
        lab.remove(ps);
        assertTrue(AmiStreamComparator.compare(real, lab).stream().anyMatch(d -> d.contains("missing in lab")));
    }

    private static int indexOf(List<List<String>> msgs, String line) {
        for (int i = 0; i < msgs.size(); i++) {
            if (msgs.get(i).contains(line)) {
                return i;
            }
        }
        throw new AssertionError("no message with " + line);
    }
}
