package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The live-channel table is bounded: capped between resyncs, and a resync ages out every missed Hangup. */
class ChannelTableTest {

    @Test
    void aHundredThousandNewchannelsWithoutHangupAreCappedAndCounted() {
        ChannelTable t = new ChannelTable(1_000);
        int firstOverflows = 0;
        for (int i = 0; i < 100_000; i++) {
            if (t.started("D1", String.format("SIP/v1-%08x", i))) {
                firstOverflows++;
            }
        }
        assertEquals(1_000, t.calls("D1"));
        assertEquals(99_000, t.overflowed("D1"));
        assertEquals(1, firstOverflows, "the operator is told once per resync, not per channel");
        t.resync("D1", List.of("SIP/v1-00000001", "SIP/v2-00000002", "Local/100@default-00000003;1"));
        assertEquals(2, t.calls("D1"), "channels not in CoreShowChannels are gone");
        assertEquals(1, t.calls("D1", "v2"));
        assertEquals(0, t.overflowed("D1"));
    }

    @Test
    void aKnownChannelStillUpdatesWhenTheTableIsFull() {
        ChannelTable t = new ChannelTable(2);
        t.started("D1", "SIP/a-1");
        t.started("D1", "SIP/b-2");
        t.started("D1", "SIP/a-1");
        assertEquals(0, t.overflowed("D1"));
        t.ended("D1", "SIP/a-1");
        t.started("D1", "SIP/c-3");
        assertEquals(2, t.calls("D1"));
    }
}
