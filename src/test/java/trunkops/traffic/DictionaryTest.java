package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Interning stops growing at its limit: new values share one "(other values)" id instead of failing the refresh. */
class DictionaryTest {

    @Test
    void valuesPastTheLimitShareTheOverflowId() {
        Dictionary d = new Dictionary(4);
        assertEquals(0, d.id("Normal Clearing"));
        assertEquals(1, d.id("Service Unavailable"));
        assertEquals(2, d.id("Busy Here"));
        assertEquals(3, d.id("odd reason 1"));
        assertEquals(3, d.id("odd reason 2"));
        assertEquals(1, d.id("Service Unavailable"), "known values keep their id");
        assertEquals(Dictionary.OVERFLOW, d.value(3));
        assertEquals(4, d.size());
    }
}
