package trunkops.topology;

/**
 * One row of ViciDial's {@code servers} table, as far as topology needs it.
 *
 * <p>Flags are already decoded: {@code true} only for {@code 'Y'} (a NULL or {@code 'N'} column is
 * {@code false}). Text columns may be NULL in the database; they are normalised to {@code ""}.
 *
 * @param serverId        {@code server_id} (unique, up to 10 characters)
 * @param serverIp        {@code server_ip}, the address carriers' {@code server_ip} refers to
 * @param description     {@code server_description}
 * @param active          {@code active = 'Y'}
 * @param activeAsterisk  {@code active_asterisk_server = 'Y'}
 * @param asteriskVersion {@code asterisk_version}, free text such as {@code 1.4.21.2}, {@code 13.x}, {@code 18.x-vici}
 * @param telnetHost      {@code telnet_host}, usually {@code localhost}; never used to reach the server remotely
 * @param telnetPort      {@code telnet_port}, the AMI port (default 5038)
 */
public record ServerRow(String serverId, String serverIp, String description, boolean active,
                        boolean activeAsterisk, String asteriskVersion, String telnetHost, int telnetPort) {

    public ServerRow {
        serverId = Rows.text(serverId);
        serverIp = Rows.text(serverIp).trim();
        description = Rows.text(description);
        asteriskVersion = Rows.text(asteriskVersion);
        telnetHost = Rows.text(telnetHost);
    }

    /** Whether this server dials: {@code active='Y'} and {@code active_asterisk_server='Y'}. */
    public boolean dials() {
        return active && activeAsterisk;
    }
}
