package trunkops.db;

import java.util.Locale;
import java.util.Objects;

/**
 * What the connected ViciDial database offers for carrier statistics, detected from {@code information_schema} and
 * {@code system_settings} (never assumed).
 *
 * @param schemaVersion         {@code system_settings.db_schema_version}, 0 when the column or row is missing
 * @param sipColumns            whether {@code vicidial_carrier_log} has {@code sip_hangup_cause} and
 *                              {@code sip_hangup_reason} (ViciDial 2.6+); without them SIP mixes are unavailable
 * @param callerCodeColumn      whether it has {@code caller_code} (2.6+); without it manual dials cannot be told
 *                              from auto-dials and the dial-log fallback is off
 * @param slaveDbServer         {@code system_settings.slave_db_server}: the read replica, {@code host[:port]} or ""
 * @param reportsUseSlaveDb     {@code system_settings.reports_use_slave_db}: the names of the reports ViciDial lets
 *                              read the replica
 * @param liveChannelsTable     whether {@code live_channels} exists (live calls per trunk)
 * @param vicidialLogTable      whether {@code vicidial_log} exists with lead_id, uniqueid and campaign_id (the campaign
 *                              of calls whose dial prefix several campaigns share)
 */
public record CarrierLogSchema(int schemaVersion, boolean sipColumns, boolean callerCodeColumn, String slaveDbServer,
                               String reportsUseSlaveDb, boolean liveChannelsTable, boolean vicidialLogTable) {

    /** A schema without vicidial_log. */
    public CarrierLogSchema(int schemaVersion, boolean sipColumns, boolean callerCodeColumn, String slaveDbServer,
                            String reportsUseSlaveDb, boolean liveChannelsTable) {
        this(schemaVersion, sipColumns, callerCodeColumn, slaveDbServer, reportsUseSlaveDb, liveChannelsTable, false);
    }

    /** The report whose replica permission TrunkOps follows: it supersedes ViciDial's Carrier Log Report. */
    public static final String VICIDIAL_REPORT_NAME = "Carrier Log Report";

    public CarrierLogSchema {
        slaveDbServer = Objects.requireNonNullElse(slaveDbServer, "").strip();
        reportsUseSlaveDb = Objects.requireNonNullElse(reportsUseSlaveDb, "");
    }

    /** Whether anything is missing, so views show a degraded mode. */
    public boolean degraded() {
        return !sipColumns || !callerCodeColumn;
    }

    /** One line for an operator about what is missing and why, "" when nothing is. */
    public String degradedReason() {
        if (!degraded()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("this ViciDial database (db_schema_version ")
                .append(schemaVersion == 0 ? "unknown" : Integer.toString(schemaVersion)).append(") has no ");
        if (!sipColumns) {
            sb.append("sip_hangup_cause/sip_hangup_reason");
            if (!callerCodeColumn) {
                sb.append(" or ");
            }
        }
        if (!callerCodeColumn) {
            sb.append("caller_code");
        }
        sb.append(" in vicidial_carrier_log (added in ViciDial 2.6): ");
        if (!sipColumns) {
            sb.append("SIP codes and reasons are not available");
            if (!callerCodeColumn) {
                sb.append("; ");
            }
        }
        if (!callerCodeColumn) {
            sb.append("manual-dial rows cannot use the dial-log fallback");
        }
        return sb.toString();
    }

    /**
     * ViciDial's own rule for a report (AST_carrier_log_report.php): use the replica when slave_db_server is set
     * (more than 5 characters) and reports_use_slave_db names the report.
     */
    public boolean vicidialSendsReportToReplica() {
        return slaveDbServer.length() > 5 && reportsUseSlaveDb.toLowerCase(Locale.ROOT)
                .contains(VICIDIAL_REPORT_NAME.toLowerCase(Locale.ROOT));
    }
}
