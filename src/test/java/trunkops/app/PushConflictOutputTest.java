package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.push.FieldConflict;
import trunkops.push.PushReport;
import trunkops.push.RouterRow;

/** The command line's three-way difference: one line per field that changed, control characters made visible. */
class PushConflictOutputTest {

    @Test
    void oneLinePerChangedField() {
        RouterRow base = new RouterRow("R", "exten => _9X.,1,NoOp(trunkops route R v1)\n", "", "0.0.0.0", true);
        RouterRow live = new RouterRow("R", "exten => _9X.,1,NoOp(trunkops route R v3)\n", "EDITED=1\u001b[2J",
                "0.0.0.0", true);
        RouterRow proposed = new RouterRow("R", "exten => _9X.,1,NoOp(trunkops route R v2)\n", "", "0.0.0.0", true);
        PushReport r = new PushReport(PushReport.Outcome.STOPPED_CHANGED, List.of(), "stopped",
                FieldConflict.of(Optional.of(base), Optional.of(live), Optional.of(proposed)));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PushRun.printConflicts(new PrintStream(err, true, StandardCharsets.UTF_8), r);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("conflict: dialplan_entry base 'trunkops route R v1 (2 lines)' live 'trunkops route R v3"
                + " (2 lines)' proposed 'trunkops route R v2 (2 lines)'", lines.get(1));
        assertEquals(false, lines.get(0).contains("\u001b"), lines.get(0));
        assertEquals(true, lines.get(0).startsWith("conflict: globals_string base '' live 'EDITED=1"), lines.get(0));
    }
}
