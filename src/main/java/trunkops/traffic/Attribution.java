package trunkops.traffic;

import java.util.Objects;

/**
 * Which carrier (and campaign) one carrier-log row belongs to, how that was found, and why not when it was not.
 *
 * @param carrierId  the carrier whose extension ran the call, or {@link #UNATTRIBUTED}
 * @param campaign   the campaign, {@link #NO_CAMPAIGN}, or, when the dial string fits more than one campaign's prefix
 *                   on that dialer (see {@link CampaignResolver}), the campaign vicidial_log gives the call
 *                   ({@link CallCampaigns}) or else the ids joined by {@code |} and labelled {@link #BY_PREFIX}
 * @param source     where the dialed string came from
 * @param dialString the dialed string matched against the carrier patterns ({@code null} when none was found)
 * @param problem    why the row is unattributed ({@code null} when attributed)
 */
public record Attribution(String carrierId, String campaign, Source source, String dialString, Problem problem) {

    /** The carrier bucket for rows no carrier pattern can be shown to have handled. */
    public static final String UNATTRIBUTED = "unattributed";
    /** The campaign bucket for rows whose dial string fits no campaign's prefix on their dialer. */
    public static final String NO_CAMPAIGN = "(no campaign)";
    /** The label of a campaign key that only the shared dial prefix gives (vicidial_log had no row for the call). */
    public static final String BY_PREFIX = " (by prefix)";

    /** Where the dialed string was read, in the order they are tried. */
    public enum Source {
        /**
         * The carrier log's own {@code channel} when it is the {@code Local/<dial string>@<context>-<id>;2} half that
         * ran the carrier extension (every auto-dial call): the same channel and uniqueid as its {@code call_log}
         * row, whose {@code extension} is that dial string (FastAGI_log.pl writes {@code agi_extension}).
         */
        LOCAL_CHANNEL,
        /** {@code call_log.extension} of the same uniqueid (manual dials and any other channel). */
        CALL_LOG,
        /** {@code vicidial_dial_log.extension} of the same caller code: manual dials ({@code M...}) only. */
        DIAL_LOG,
        /** Nothing usable. */
        NONE
    }

    /** Why a row stays unattributed. */
    public enum Problem {
        UNKNOWN_SERVER("its server_ip is not an active Asterisk server in the servers table"),
        NO_DIAL_STRING("no dialed string: no call_log row, its channel carries none, and no dial-log row"),
        NO_MATCHING_PATTERN("its dialed string matches no active carrier pattern on its dialer (today's patterns)");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Attribution {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(source, "source");
    }

    public boolean attributed() {
        return problem == null;
    }

    /** The same row in another campaign. */
    public Attribution withCampaign(String c) {
        return new Attribution(carrierId, c, source, dialString, problem);
    }

    static Attribution unattributed(Source source, String dialString, Problem problem) {
        return new Attribution(UNATTRIBUTED, NO_CAMPAIGN, source, dialString, problem);
    }
}
