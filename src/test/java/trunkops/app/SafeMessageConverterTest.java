package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;

/** A log line with a name from AMI or the database in it stays one line with no raw control character. */
class SafeMessageConverterTest {

    @Test
    void namesInLogMessagesCannotForgeLinesOrReachTheTerminal() {
        Logger logger = (Logger) LoggerFactory.getLogger("trunkops.test");
        LoggingEvent e = new LoggingEvent("x", logger, Level.WARN, "peer {} on {} is {}", null,
                new Object[] {"x\n127.0.0.1 nsvoice", "DIALER1\u001b[2J", "Téléphonie"});
        assertEquals("peer x\\n127.0.0.1 nsvoice on DIALER1\\x1b[2J is Téléphonie",
                new SafeMessageConverter().convert(e));
    }

    @Test
    void aSecretInALogMessageIsMasked() {
        Logger logger = (Logger) LoggerFactory.getLogger("trunkops.test");
        LoggingEvent e = new LoggingEvent("x", logger, Level.WARN, "account_entry of {}: {}", null,
                new Object[] {"PJTWO", "username=labuser password=labsecret"});
        assertEquals("account_entry of PJTWO: username=labuser password=********",
                new SafeMessageConverter().convert(e));
    }
}
