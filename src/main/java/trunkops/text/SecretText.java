package trunkops.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets never leave the process: Asterisk 20's {@code AuthDetail} (in {@code PJSIPShowEndpoint} and
 * {@code PJSIPShowRegistrationsOutbound}) carries {@code Password: labsecret} in clear text, also to a user with
 * only class {@code system} (fixture 23-pjsipshowendpoint), CLI output ({@code pjsip show auth}) prints
 * {@code password : ...}, and an account_entry holds {@code secret=} / {@code password=} lines. The AMI reader
 * ({@code AmiFrameReader}) replaces such values before asterisk-java sees a frame, and the log pattern masks any
 * left in a message, so no log, screen, export or report can show one.
 */
public final class SecretText {

    /** What a secret value is replaced with. */
    public static final String MASK = "********";

    /** AMI header names (lower case) whose value is a secret (res_pjsip auth fields, chan_sip/IAX2, manager). */
    private static final Set<String> SECRET_HEADERS = Set.of("password", "secret", "md5cred", "md5secret",
            "passworddigest", "oauthsecret", "refreshtoken", "remotesecret", "dbsecret");
    /** Headers whose name has a secret word but whose value is not one. */
    private static final Set<String> NOT_SECRET = Set.of("usingpassword");
    /** A {@code name = value}, {@code name: value} or {@code name => value} pair whose name says secret. */
    private static final Pattern PAIR = Pattern.compile(
            "(?i)(\\b[a-z0-9_]*(?:password|secret|md5_?cred|refresh_?token)[a-z0-9_]*\\s*(?:=>|[:=])\\s*)([^\\s,;&]+)");
    /** chan_sip's {@code register => user:secret@host} (registration_string) and IAX2 {@code user:secret@peer}. */
    private static final Pattern REGISTER = Pattern.compile("(?i)(register\\s*=>?\\s*[^:@\\s/]+:)([^@\\s:/]+)(@)");

    private SecretText() {
    }

    /**
     * {@code key=value} of a configuration option for a warning shown to the operator: the value masked when the key
     * could name a secret, misspelled or misplaced ({@code password=} on an endpoint, {@code secrt=}, {@code pwd=}).
     */
    public static String option(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean secretish = k.contains("pass") || k.contains("word") || k.contains("secr") || k.contains("cred") || k.contains("token")
                || k.contains("pwd") || k.contains("md5") || k.contains("key");
        return key + "=" + (secretish && value != null && !value.isEmpty() ? MASK : value);
    }

    /** Whether an AMI header of this name carries a secret value ({@code Password}, {@code Secret}, ...). */
    public static boolean isSecretHeader(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (NOT_SECRET.contains(n)) {
            return false;
        }
        return SECRET_HEADERS.contains(n) || n.endsWith("password") || n.endsWith("secret");
    }

    /**
     * One AMI line {@code Name: value} with a secret value replaced by {@link #MASK} (an empty value stays empty);
     * CLI output lines ({@code Output: password : x}) are masked by {@link #mask}. Returns the same instance when
     * nothing is secret.
     */
    public static String maskAmiLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return line;
        }
        String name = line.substring(0, colon);
        if (isSecretHeader(name)) {
            return line.substring(colon + 1).isBlank() ? line : name + ": " + MASK;
        }
        if (name.equalsIgnoreCase("Output")) {
            return mask(line);
        }
        return line;
    }

    /** Free text (a log message, a config text, CLI output) with every secret-looking value masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("secret") && !lower.contains("password") && !lower.contains("cred")
                && !lower.contains("token") && !lower.contains("register")) {
            return text;
        }
        Matcher m = PAIR.matcher(text);
        String out = m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK)) : text;
        Matcher r = REGISTER.matcher(out);
        return r.find() ? r.replaceAll(x -> Matcher.quoteReplacement(x.group(1) + MASK + x.group(3))) : out;
    }
}
