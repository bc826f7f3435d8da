package trunkops.traffic;

/** How statistics are broken down. */
public enum Dimension {
    CARRIER,
    CARRIER_SERVER,
    CARRIER_CAMPAIGN,
    CARRIER_SERVER_CAMPAIGN
}
