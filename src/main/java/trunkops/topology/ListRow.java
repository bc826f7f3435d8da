package trunkops.topology;

/**
 * One row of {@code vicidial_lists}, the columns that decide where its leads are dialed.
 *
 * @param listId     {@code list_id}
 * @param listName   {@code list_name}
 * @param campaignId {@code campaign_id}
 * @param active     {@code active = 'Y'}
 * @param dialPrefix {@code dial_prefix}; when not empty it overrides the campaign's prefixes for this list's leads
 */
public record ListRow(long listId, String listName, String campaignId, boolean active, String dialPrefix) {

    public ListRow {
        listName = Rows.text(listName);
        campaignId = Rows.text(campaignId);
        dialPrefix = Rows.text(dialPrefix);
    }
}
