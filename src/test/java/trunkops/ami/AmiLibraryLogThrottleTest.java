package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.asteriskjava.manager.event.PeerStatusEvent;
import org.asteriskjava.manager.util.EventAttributesHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;

/**
 * Issue 15 item 6: with the console's own logback.xml, a thousand events with an unparseable number (converted by
 * asterisk-java's real field conversion) write one counted line to the log
 * file instead of a thousand stack traces (and nothing to stderr).
 */
class AmiLibraryLogThrottleTest {

    @Test
    void aThousandUnparseableNumbersWriteOneLineWithTheConsolesLogbackXml(@TempDir Path dir) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Path logFile = dir.resolve("trunkops.log");
        String before = System.getProperty("trunkops.log.file");
        try {
            System.setProperty("trunkops.log.file", logFile.toString());
            configure(ctx, getClass().getResource("/logback.xml")); // src/main/resources: the shipped configuration
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 1_000; i++) {
                Map<String, Object> fields = new HashMap<>();
                fields.put("event", "PeerStatus");
                fields.put("peer", "SIP/trunk1");
                fields.put("peerstatus", "Reachable");
                fields.put("time", "12x" + i);
                PeerStatusEvent e = new PeerStatusEvent(this);
                EventAttributesHelper.setAttributes(e, fields, null); // what asterisk-java's event builder calls
                assertEquals("SIP/trunk1", e.getPeer(), "the event is kept");
            }
        } finally {
            System.setErr(original);
            ctx.stop(); // flushes and closes the log file
            if (before == null) {
                System.clearProperty("trunkops.log.file");
            } else {
                System.setProperty("trunkops.log.file", before);
            }
            configure(ctx, getClass().getResource("/logback-test.xml"));
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "nothing on stderr (logs go to the log file)");
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertEquals(1, log.lines().count(), "one counted line, not a stack trace per event:\n"
                + log.substring(0, Math.min(log.length(), 3_000)));
        assertTrue(log.contains("unparseable value in an AMI field"), log);
    }

    @Test
    void unparseableValuesAndUnknownFieldsAreToldApart() {
        assertEquals("unparseable value in an AMI field",
                AmiLibraryLogThrottle.kind("org.asteriskjava.manager.util.EventAttributesHelper",
                        "Unable to set property 'time' to 'x'", new NumberFormatException("x")));
        assertEquals("AMI field asterisk-java does not know",
                AmiLibraryLogThrottle.kind("org.asteriskjava.manager.util.EventAttributesHelper",
                        "Unable to set property 'actionid' to '1' on X: no setter. Please report", null));
    }

    private static void configure(LoggerContext ctx, URL config) throws Exception {
        ctx.reset();
        JoranConfigurator j = new JoranConfigurator();
        j.setContext(ctx);
        j.doConfigure(config);
    }
}
