package trunkops.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The three-way difference of a router carrier row that changed under a push: only the fields live changed. */
class FieldConflictTest {

    private static final String V1 = "exten => _9X.,1,NoOp(trunkops route R v1)\nsame => n,Hangup()\n";
    private static final String V3 = "exten => _9X.,1,NoOp(trunkops route R v3)\nsame => n,Hangup()\n";
    private static final String V2 = "exten => _9X.,1,NoOp(trunkops route R v2)\n";

    @Test
    void onlyTheFieldsTheLiveRowChangedWithBaseLiveAndProposed() {
        RouterRow base = new RouterRow("R", V1, "", "0.0.0.0", true);
        RouterRow live = new RouterRow("R", V3, "", "0.0.0.0", false, "[p1]\nhost=10.0.0.1\n");
        RouterRow proposed = new RouterRow("R", V2, "", "0.0.0.0", true);
        List<FieldConflict> c = FieldConflict.of(Optional.of(base), Optional.of(live), Optional.of(proposed));
        assertEquals(List.of(new FieldConflict("active", "Y", "N", "Y"),
                new FieldConflict("dialplan_entry", V1, V3, V2),
                new FieldConflict("account_entry", "", "[p1]\nhost=10.0.0.1\n", "")), c);
        assertEquals(List.of("active base 'Y' live 'N' proposed 'Y'",
                "dialplan_entry base 'trunkops route R v1 (3 lines)' live 'trunkops route R v3 (3 lines)'"
                        + " proposed 'trunkops route R v2 (2 lines)'",
                "account_entry base '' live '[p1]|host=10.0.0.1' proposed ''"),
                c.stream().map(FieldConflict::oneLine).toList());
    }

    @Test
    void aRowCreatedOrDeletedMeanwhileIsNoRowOnOneSide() {
        RouterRow live = new RouterRow("R", V3, "X=1", "10.0.0.5", true);
        List<FieldConflict> created = FieldConflict.of(Optional.empty(), Optional.of(live),
                Optional.of(new RouterRow("R", V2, "", "0.0.0.0", true)));
        assertEquals(5, created.size(), created.toString());
        assertEquals("server_ip base (no row) live '10.0.0.5' proposed '0.0.0.0'", created.get(0).oneLine());
        List<FieldConflict> deleted = FieldConflict.of(Optional.of(live), Optional.empty(), Optional.empty());
        assertEquals(new FieldConflict("globals_string", "X=1", FieldConflict.NO_ROW, FieldConflict.NO_ROW),
                deleted.get(2));
    }
}
