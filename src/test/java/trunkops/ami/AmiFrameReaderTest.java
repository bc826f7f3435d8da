package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bounded frame reader on byte streams: what passes, what is dropped whole and why. */
class AmiFrameReaderTest {

    private final List<String> dropped = new ArrayList<>();
    private final AsteriskJavaFrameGuard guard = new AsteriskJavaFrameGuard();

    private List<String> read(String wire) throws IOException {
        AmiFrameReader r = new AmiFrameReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)),
                new WireLimits(256, 16, 1024), guard, dropped::add);
        List<String> out = new ArrayList<>();
        for (String l = r.readLine(); l != null; l = r.readLine()) {
            out.add(l);
        }
        return out;
    }

    @Test
    void theBannerAloneThenWholeFrames() throws IOException {
        assertEquals(List.of("Asterisk Call Manager/9.0.0", "Event: A", "K: v\rw", "", "Event: B", ""),
                read("Asterisk Call Manager/9.0.0\r\nEvent: A\r\nK: v\rw\r\n\r\nEvent: B\r\n\r\n"));
        assertEquals(List.of(), dropped);
    }

    @Test
    void aFrameCutByTheEndOfTheStreamIsNeverHandedOut() throws IOException {
        assertEquals(List.of("Event: A", ""), read("Event: A\r\n\r\nEvent: B\r\nPeer: x"));
    }

    @Test
    void oversizedFramesAreDroppedWholeWithTheirReason() throws IOException {
        String wire = "Event: Long\r\nX: " + "x".repeat(300) + "\r\nY: 1\r\n\r\n"
                + "Event: Many\r\n" + "H: v\r\n".repeat(20) + "\r\n"
                + "Event: Big\r\n" + ("H: " + "b".repeat(200) + "\r\n").repeat(6) + "\r\n"
                + "Event: Twice\r\nActionID: 1\r\nactionid : 2\r\n\r\n"
                + "Event: BridgeLeave\r\nBridgeUniqueid:\r\nChannel: SIP/a-1\r\n\r\n"
                + "Event: BridgeEnter\r\nBridgeUniqueid: b1\r\n\r\n"
                + "Event: BridgeEnter\r\nBridgeUniqueid: b1\r\nChannel: SIP/a-1\r\nUniqueid: 1.99999999999\r\n\r\n"
                + "Event: BridgeEnter\r\nBridgeUniqueid: b1\r\nChannel: SIP/a-1\r\nUniqueid: 1795680749.7\r\n\r\n"
                + "Event: Ok\r\nVariable: a\r\nVariable: b\r\n\r\n";
        assertEquals(List.of("Event: BridgeEnter", "BridgeUniqueid: b1", "Channel: SIP/a-1", "Uniqueid: 1795680749.7",
                "", "Event: Ok", "Variable: a", "Variable: b", ""), read(wire));
        assertEquals(List.of("frame with a line longer than 256 bytes", "frame with more than 16 lines",
                "frame with more than 1024 bytes", "frame with a repeated 'actionid' header",
                "frame with a bridgeleave event without a BridgeUniqueid",
                "frame with a bridgeenter event without a Channel",
                "frame with a bridgeenter event without a usable Uniqueid"), dropped);
    }

    @Test
    void asteriskJavasBridgeBookkeepingIsBounded() throws IOException {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i <= AsteriskJavaFrameGuard.MAX_BRIDGES; i++) {
            wire.append("Event: BridgeCreate\r\nBridgeUniqueid: b").append(i).append("\r\n\r\n");
        }
        wire.append("Event: BridgeDestroy\r\nBridgeUniqueid: b0\r\n\r\n")
                .append("Event: BridgeCreate\r\nBridgeUniqueid: again\r\n\r\n");
        for (int i = 0; i <= AsteriskJavaFrameGuard.MAX_MEMBERS; i++) {
            wire.append("Event: BridgeEnter\r\nBridgeUniqueid: b1\r\nBridgeTechnology: simple_bridge\r\nChannel: SIP/c-")
                    .append(i).append("\r\nUniqueid: 1795680749.").append(i).append("\r\n\r\n");
        }
        wire.append("Event: BridgeLeave\r\nBridgeUniqueid: b1\r\nChannel: SIP/c-0\r\n\r\n")
                .append("Event: BridgeEnter\r\nBridgeUniqueid: b1\r\nChannel: SIP/late\r\nUniqueid: 1.2\r\n\r\n")
                .append("Event: BridgeEnter\r\nBridgeUniqueid: b2\r\nBridgeTechnology: holding_bridge\r\n"
                        + "Channel: SIP/held\r\nUniqueid: 1.3\r\n\r\n");
        List<String> passed = read(wire.toString());
        assertEquals(List.of("frame with a bridgecreate event beyond " + AsteriskJavaFrameGuard.MAX_BRIDGES
                + " open bridges", "frame with a bridgeenter event beyond " + AsteriskJavaFrameGuard.MAX_MEMBERS
                + " members of one bridge"), dropped);
        assertEquals(true, passed.contains("BridgeUniqueid: again"), "a destroyed bridge makes room");
        assertEquals(true, passed.contains("Channel: SIP/late"), "a member that left makes room");
    }

    @Test
    void anEndlessLineEndsWithTheStream() throws IOException {
        assertNull(new AmiFrameReader(new ByteArrayInputStream(("X: " + "e".repeat(100_000))
                .getBytes(StandardCharsets.US_ASCII)), new WireLimits(256, 16, 1024), guard, dropped::add).readLine());
    }

    @Test
    void aSecretHeaderIsMaskedBeforeAnyoneReadsTheFrame() throws IOException {
        List<String> lines = read("Event: AuthDetail\r\nActionID: 3\r\nUsername: labuser\r\n"
                + "Password: labsecret\r\nMd5Cred: \r\n\r\n");
        assertEquals(List.of("Event: AuthDetail", "ActionID: 3", "Username: labuser", "Password: ********", "Md5Cred: ",
                ""), lines);
    }
}
