package trunkops.push.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.push.RouterRow;

class ThreeWayTest {

    @Test
    void namesWhatSomeoneElseChangedAndWhatThePushChanges() {
        RouterRow base = new RouterRow("R", "exten => v1", "", "0.0.0.0", true);
        RouterRow live = new RouterRow("R", "exten => v1", "EDITED=1", "0.0.0.0", true);
        RouterRow proposed = new RouterRow("R", "exten => v2", "", "0.0.0.0", true);
        ThreeWay t = ThreeWay.of(Optional.of(base), Optional.of(live), proposed);
        assertEquals(List.of("globals_string"), t.changedLive().stream().map(ThreeWay.Field::name).toList());
        ThreeWay.Field dp = t.fields().get(3);
        assertFalse(dp.theyChanged());
        assertTrue(dp.weChange());
        assertTrue(t.fields().get(2).verdict().contains("changed live since"), t.fields().get(2).verdict());
        assertTrue(t.fields().get(0).verdict().startsWith("="));
    }

    @Test
    void aRowCreatedMeanwhileIsAConflictOnEveryField() {
        RouterRow theirs = new RouterRow("R", "exten => theirs", "", "0.0.0.0", true);
        RouterRow proposed = new RouterRow("R", "exten => mine", "", "0.0.0.0", true);
        ThreeWay t = ThreeWay.of(Optional.empty(), Optional.of(theirs), proposed);
        assertEquals(ThreeWay.NO_ROW, t.fields().get(3).base());
        assertTrue(t.fields().get(3).verdict().contains("CONFLICT"), t.fields().get(3).verdict());
    }
}
