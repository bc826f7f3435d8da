package trunkops.topology;

/**
 * One row of {@code vicidial_server_carriers} (plus the template text it references), as the keepalive reads it.
 * Text columns may be NULL in the database; they are normalised to {@code ""}.
 *
 * @param carrierId          {@code carrier_id}: a text id, unique in the cluster, usually not the Asterisk peer name
 * @param carrierName        {@code carrier_name}
 * @param description        {@code carrier_description}
 * @param protocol           {@code protocol}: SIP, PJSIP, PJSIP_WIZ, IAX2, Zap or EXTERNAL
 * @param serverIp           {@code server_ip}; {@code 0.0.0.0} means every active Asterisk server
 * @param active             {@code active = 'Y'}
 * @param registrationString {@code registration_string} ({@code register => ...}; ignored for PJSIP)
 * @param globalsString      {@code globals_string}, e.g. {@code SIPTRUNK = SIP/ExampleSIP}
 * @param accountEntry       {@code account_entry}: raw peer/endpoint sections
 * @param dialplanEntry      {@code dialplan_entry}: raw {@code exten =>} lines
 * @param templateContents   {@code vicidial_conf_templates.template_contents} of the row's template_id
 *                           ({@code ""} for {@code --NONE--}); the keepalive appends it after account_entry
 */
public record CarrierRow(String carrierId, String carrierName, String description, String protocol,
                         String serverIp, boolean active, String registrationString, String globalsString,
                         String accountEntry, String dialplanEntry, String templateContents) {

    /** The {@code server_ip} value that means "every active Asterisk server". */
    public static final String ALL_SERVERS = "0.0.0.0";

    public CarrierRow {
        carrierId = Rows.text(carrierId);
        carrierName = Rows.text(carrierName);
        description = Rows.text(description);
        protocol = Rows.text(protocol).trim();
        serverIp = Rows.text(serverIp).trim();
        registrationString = Rows.text(registrationString);
        globalsString = Rows.text(globalsString);
        accountEntry = Rows.text(accountEntry);
        dialplanEntry = Rows.text(dialplanEntry);
        templateContents = Rows.text(templateContents);
    }

    public boolean appliesToAllServers() {
        return ALL_SERVERS.equals(serverIp);
    }
}
