package trunkops.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials never travel in a JDBC URL: the driver lets {@code password=} in the URL override the password the
 * console passes (so {@code --db-password-env} or the keyring would silently lose), and a command line is visible
 * to every user in {@code ps}. Refused with a message naming the parameter, never echoing its value.
 */
public final class JdbcUrls {

    /** user:password@host in the authority, as some drivers accept. */
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:[a-z0-9]+:(?:[a-z0-9+]+:)?//([^/?#]*)@",
            Pattern.CASE_INSENSITIVE);
    /** A parameter whose name holds a credential: password, pwd, passwd, and their spellings in key-store options. */
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|passwd|pwd|secret).*");

    private JdbcUrls() {
    }

    /**
     * @param where what the URL came from, for the message ({@code --jdbc}, {@code jdbc.url in <file>})
     * @throws IllegalArgumentException naming the parameter when the URL carries a credential
     */
    public static void refuseCredentials(String url, String where) {
        if (url == null) {
            return;
        }
        Matcher m = USER_INFO.matcher(url);
        if (m.find()) {
            String userInfo = m.group(1);
            throw new IllegalArgumentException(where + " holds credentials before '@' ("
                    + (userInfo.contains(":") ? "user:password" : "user") + "@host): credentials never go in a JDBC URL;"
                    + " give the user separately and the password from the keyring, the prompt or an environment"
                    + " variable");
        }
        int q = url.indexOf('?');
        String params = q < 0 ? "" : url.substring(q + 1);
        for (String part : params.split("[&;]")) {
            int eq = part.indexOf('=');
            String key = decode((eq < 0 ? part : part.substring(0, eq)).strip());
            if (!key.isEmpty() && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches()) {
                throw new IllegalArgumentException(where + " holds the parameter '" + key + "': passwords never go"
                        + " in a JDBC URL (it would override the password given separately and show in 'ps');"
                        + " remove it and give the password through the keyring, the prompt or an environment variable");
            }
        }
        // MariaDB Connector/J also reads ;key=value after the database name, e.g. jdbc:mariadb://h/db;password=x
        int semi = url.indexOf(';');
        if (semi >= 0 && (q < 0 || semi < q)) {
            refuseCredentials(url.substring(0, semi) + "?" + url.substring(semi + 1).replace(';', '&'), where);
        }
    }

    /** pass%77ord is password to the driver too. */
    private static String decode(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }
}
