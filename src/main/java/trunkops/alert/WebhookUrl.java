package trunkops.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook address the operator typed, checked before anything is sent to it: http or https only, a host, no
 * fragment, no spaces or control characters, at most 2,000 characters. The address is a secret (chat webhooks carry
 * their token in the path or query): it is kept in the OS keyring, never in a file, and {@link #display} is what
 * logs and screens show.
 */
public final class WebhookUrl {

    private WebhookUrl() {
    }

    /** The checked address; {@link IllegalArgumentException} says what is wrong (without echoing the address). */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the webhook URL is empty");
        }
        String s = text.strip();
        if (s.length() > 2_000) {
            throw new IllegalArgumentException("the webhook URL is longer than 2,000 characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("the webhook URL contains a space or a control character");
            }
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook URL is not a valid URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the webhook URL must start with http:// or https:// (got "
                    + (scheme.isEmpty() ? "no scheme" : scheme + ":") + ")");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException("the webhook URL has no host");
        }
        if (u.getFragment() != null) {
            throw new IllegalArgumentException("the webhook URL must not have a #fragment");
        }
        return u;
    }

    /** {@code https://hooks.example.com/…}: scheme, host and port only, for logs and screens. */
    public static String display(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")
                + (u.getRawPath() != null && u.getRawPath().length() > 1 || u.getRawQuery() != null ? "/\u2026" : "");
    }
}
