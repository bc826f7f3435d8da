package trunkops.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import trunkops.text.SafeText;
import trunkops.text.SecretText;

/**
 * {@code %safeMsg} in the log pattern: the formatted message through {@link SafeText#display}, so a peer or carrier
 * name from AMI or the database that holds a newline or an ESC sequence can neither forge a log line nor act on
 * the terminal that shows the log; and a secret-looking value ({@code password=x}, {@code Secret: x}) is masked
 * ({@link SecretText#mask}), a last line of defence behind the AMI reader's masking. Stack traces ({@code %ex})
 * are printed as they are.
 */
public final class SafeMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SafeText.display(SecretText.mask(event.getFormattedMessage()));
    }
}
