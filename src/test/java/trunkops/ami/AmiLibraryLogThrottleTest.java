package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.asteriskjava.manager.event.PeerStatusEvent;
import org.asteriskjava.manager.util.EventAttributesHelper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;

/**
 * Issue 15 item 6: with the console's own logback.xml, a thousand events with an unparseable number (converted by
 * asterisk-java's real field conversion) write one counted line to stderr instead of a thousand stack traces.
 */
class AmiLibraryLogThrottleTest {

    @Test
    void aThousandUnparseableNumbersWriteOneLineWithTheConsolesLogbackXml() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
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
            configure(ctx, getClass().getResource("/logback-test.xml"));
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, err.lines().count(), "one counted line, not a stack trace per event:\n"
                + err.substring(0, Math.min(err.length(), 3_000)));
        assertTrue(err.contains("unparseable value in an AMI field"), err);
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
