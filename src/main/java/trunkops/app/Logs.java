package trunkops.app;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/**
 * Where log lines go. By default only to the log file ({@link AppPaths#logFile()}, configured in logback.xml):
 * stdout carries a command's result and stderr at most one line per problem. {@code --verbose} adds stderr.
 */
final class Logs {

    /** The system property logback.xml reads the log file's path from. */
    static final String FILE_PROPERTY = "trunkops.log.file";
    private static final String STDERR_APPENDER = "VERBOSE-STDERR";

    private Logs() {
    }

    /** Before the first logger exists: points logback at {@link AppPaths#logFile()} unless already set. */
    static void useLogFile() {
        if (System.getProperty(FILE_PROPERTY) == null) {
            System.setProperty(FILE_PROPERTY, AppPaths.logFile().toString());
        }
    }

    /** The log file in use, for messages that say where the details are. */
    static String logFile() {
        String f = System.getProperty(FILE_PROPERTY);
        return f != null ? f : AppPaths.logFile().toString();
    }

    /** {@code --verbose}: every log line also goes to stderr (idempotent). */
    static synchronized void toStderr() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(STDERR_APPENDER) != null) {
            return;
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("safeMsg", SafeMessageConverter::new);
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %safeMsg%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(STDERR_APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }
}
