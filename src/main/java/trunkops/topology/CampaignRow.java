package trunkops.topology;

/**
 * One row of {@code vicidial_campaigns}, the columns that decide where its calls go.
 *
 * @param campaignId       {@code campaign_id}
 * @param campaignName     {@code campaign_name}
 * @param active           {@code active = 'Y'}
 * @param dialPrefix       {@code dial_prefix}; empty means {@code 9} to the auto-dialer
 * @param manualDialPrefix {@code manual_dial_prefix}; empty means dial_prefix (manual calls only)
 * @param omitPhoneCode    {@code omit_phone_code = 'Y'}: the phone code is left out of the dial string
 * @param dialTimeout      {@code dial_timeout} seconds (the Originate timeout; 4 or less means 60)
 */
public record CampaignRow(String campaignId, String campaignName, boolean active, String dialPrefix,
                          String manualDialPrefix, boolean omitPhoneCode, int dialTimeout) {

    public CampaignRow {
        campaignId = Rows.text(campaignId);
        campaignName = Rows.text(campaignName);
        dialPrefix = Rows.text(dialPrefix);
        manualDialPrefix = Rows.text(manualDialPrefix);
    }
}
