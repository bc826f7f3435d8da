package trunkops.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a carrier text creates, and the read-back's verdict on a loaded dialplan. */
class VerifierTest {

    private static final String V1 = String.join("\n",
            "exten => _51NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
            "exten => _51NXXNXXXXXX,2,NoOp(trunkops route R v1)",
            "exten => _51NXXNXXXXXX,n(pick),Set(X=1)",
            "exten => _51NXXNXXXXXX,n,Hangup()",
            "exten => h,1,NoOp(end)",
            " same => n,Hangup()", "");
    private static final String V2 = V1.replace("v1)", "v2)").replace("exten => _51NXXNXXXXXX,n,Hangup()\n", "");

    private static List<DialplanReader.Priority> loaded(String text) {
        List<DialplanReader.Priority> out = new ArrayList<>();
        for (String p : PlanText.of(text).priorities()) {
            String[] ep = p.split("/");
            boolean marker = ep[1].equals("2") && ep[0].startsWith("_51");
            String data = marker ? PlanText.of(text).marker().orElseThrow() : "x";
            out.add(new DialplanReader.Priority(ep[0], Integer.parseInt(ep[1]), marker ? "NoOp" : "Set", data));
        }
        return out;
    }

    private static RouterRow row(String text) {
        return new RouterRow("R", text, "", RouterRow.ALL_SERVERS, true);
    }

    @Test
    void prioritiesAndMarkerOfAText() {
        PlanText p = PlanText.of(V1);
        assertEquals(Set.of("_51NXXNXXXXXX/1", "_51NXXNXXXXXX/2", "_51NXXNXXXXXX/3", "_51NXXNXXXXXX/4", "h/1", "h/2"),
                p.priorities());
        assertEquals(Optional.of("trunkops route R v1"), p.marker());
    }

    @Test
    void exactlyTheWantedVersionPasses() {
        assertEquals(Optional.empty(), Verifier.check(loaded(V2), "R", Optional.of(row(V2)), Optional.of(row(V1))));
    }

    @Test
    void theOldVersionLeftOrAPartialLoadFails() {
        Optional<String> old = Verifier.check(loaded(V1), "R", Optional.of(row(V2)), Optional.of(row(V1)));
        assertTrue(old.orElseThrow().contains("markers [trunkops route R v1]"), old.toString());
        assertTrue(old.orElseThrow().contains("1 priorities of the replaced text still loaded"), old.toString());
        List<DialplanReader.Priority> partial = loaded(V2).stream().filter(p -> !p.exten().equals("h")).toList();
        Optional<String> bad = Verifier.check(partial, "R", Optional.of(row(V2)), Optional.empty());
        assertTrue(bad.orElseThrow().contains("2 of 5 priorities missing"), bad.toString());
    }

    @Test
    void noRowMeansNoMarkerOfTheRoute() {
        assertTrue(Verifier.check(loaded(V1), "R", Optional.empty(), Optional.empty()).isPresent());
        assertEquals(Optional.empty(), Verifier.check(List.of(), "R", Optional.empty(), Optional.of(row(V1))));
    }
}
