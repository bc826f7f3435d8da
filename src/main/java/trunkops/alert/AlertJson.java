package trunkops.alert;

import java.time.format.DateTimeFormatter;

/**
 * The webhook's JSON body: {@code text} (what Slack, Mattermost and Rocket.Chat incoming webhooks show) and the
 * alert's fields for anything that parses them ({@code kind}, {@code severity}, {@code subject}, {@code carrier},
 * {@code server}, {@code title}, {@code detail}, {@code at} as ISO-8601 UTC, {@code console}).
 */
public final class AlertJson {

    private AlertJson() {
    }

    public static String of(Alert a, String console) {
        StringBuilder b = new StringBuilder(256).append('{');
        field(b, "text", "[TrunkOps " + console + "] " + a.text()).append(',');
        field(b, "kind", a.kind().name()).append(',');
        field(b, "severity", a.severity().name()).append(',');
        field(b, "subject", a.subject()).append(',');
        field(b, "carrier", a.carrierId()).append(',');
        field(b, "server", a.serverId()).append(',');
        field(b, "title", a.title()).append(',');
        field(b, "detail", a.detail()).append(',');
        field(b, "at", DateTimeFormatter.ISO_INSTANT.format(a.at())).append(',');
        field(b, "console", console);
        return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        return quote(b, name).append(':').append(quote(new StringBuilder(), value));
    }

    /** A JSON string (RFC 8259): quotes, backslashes and every control character escaped. */
    static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
