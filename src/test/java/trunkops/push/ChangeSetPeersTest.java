package trunkops.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.routing.RouteFile;
import trunkops.routing.RouteVersion;

/** A route's own peers in the change set: the row's account_entry, in the diff, and part of "same version". */
class ChangeSetPeersTest {

    private static final String TEXT = String.join("\n",
            "name = PEER-RT",
            "pattern = _54NXXNXXXXXX strip=1",
            "strategy = weighted",
            "member = SIP/rtpeer1 weight=100 priority=1",
            "trunk = SIP/rtpeer1 host=127.0.0.1 port=%d qualify=no",
            "");
    private static final List<PushStore.Dialer> DIALERS = List.of(new PushStore.Dialer("DIALER1", "10.0.0.11"));

    private static RouteVersion v(int port) throws Exception {
        return new RouteVersion(RouteFile.parse(String.format(TEXT, port)), 1, "t", Instant.EPOCH, "");
    }

    @Test
    void thePeerSectionIsWrittenAndShownInTheDiff() throws Exception {
        ChangeSet c = ChangeSet.build(v(5091), Optional.empty(), DIALERS);
        assertTrue(c.target().accountEntry().contains("[rtpeer1]\ntype=peer\nhost=127.0.0.1\nport=5091\n"),
                c.target().accountEntry());
        List<String> diff = c.diff(DIALERS.get(0));
        assertTrue(diff.contains("+; account_entry") && diff.contains("+port=5091"), diff.toString());
    }

    @Test
    void aLiveRowThatDiffersOnlyInItsPeersIsStillAChange() throws Exception {
        RouterRow live = ChangeSet.build(v(5091), Optional.empty(), DIALERS).target();
        ChangeSet same = ChangeSet.build(v(5091), Optional.of(live), DIALERS);
        assertTrue(same.nothingToPush());
        ChangeSet other = ChangeSet.build(v(5092), Optional.of(live), DIALERS);
        assertFalse(other.nothingToPush());
        assertEquals(List.of("-port=5091", "+port=5092"), other.diff(DIALERS.get(0)).stream()
                .filter(l -> l.startsWith("-port") || l.startsWith("+port")).toList());
    }
}
