package trunkops.lab.db;

import java.time.Instant;
import java.util.Objects;

/**
 * A write the live lab makes to the ViciDial tables, shaped like the ViciDial process that makes it in a real
 * cluster. Times are instants; {@link LabViciStore} writes them as local DATETIMEs and UTC epochs.
 */
public sealed interface ViciRow permits ViciRow.CallLogStart, ViciRow.CallLogEnd, ViciRow.CarrierLog,
        ViciRow.DialLog, ViciRow.DialLogSipCause, ViciRow.VicidialLog, ViciRow.LiveChannelsSync, PeerEvent {

    /**
     * FastAGI_log.pl's call_log INSERT at priority 1 of a carrier extension (end columns empty). For the lab's
     * auto-dial Local channels: channelGroup 'Local Channel Line', type 'Local', extension = numberDialed = the dial
     * string.
     */
    record CallLogStart(String uniqueid, String channel, String channelGroup, String type, String serverIp,
                        String extension, String numberDialed, String callerCode, Instant start) implements ViciRow {
        public CallLogStart {
            Objects.requireNonNull(uniqueid, "uniqueid");
            Objects.requireNonNull(start, "start");
        }

        /** The row FastAGI_log.pl writes for an auto-dial Local channel running {@code dialString}. */
        public static CallLogStart localChannel(String uniqueid, String channel, String serverIp, String dialString,
                                                String callerCode, Instant start) {
            return new CallLogStart(uniqueid, channel, "Local Channel Line", "Local", serverIp, dialString, dialString,
                    callerCode, start);
        }
    }

    /** FastAGI_log.pl's UPDATE at hangup: end time and epoch, length from the stored start_epoch, channel. */
    record CallLogEnd(String uniqueid, String channel, Instant end) implements ViciRow {
        public CallLogEnd {
            Objects.requireNonNull(uniqueid, "uniqueid");
            Objects.requireNonNull(end, "end");
        }
    }

    /** The h-extension's {@code INSERT IGNORE INTO vicidial_carrier_log}; callDate = the hangup. */
    record CarrierLog(String uniqueid, Instant callDate, String serverIp, long leadId, int hangupCause,
                      String dialstatus, String channel, int dialTime, int answeredTime, int sipHangupCause,
                      String sipHangupReason, String callerCode) implements ViciRow {
        public CarrierLog {
            Objects.requireNonNull(uniqueid, "uniqueid");
            Objects.requireNonNull(callDate, "callDate");
        }
    }

    /**
     * The auto-dial call's {@code vicidial_log} row: its campaign and list, the truth the console's per-call campaign
     * attribution reads. {@code uniqueid}: for an answered call the other half of the Local channel pair (the ;1
     * half, sequence one lower than the ;2 half that ran the carrier extension), as on real ViciDial (vicidial.md
     * Correction 12); otherwise the ;2 half's. {@code callDate}: the call's start.
     */
    record VicidialLog(String uniqueid, long leadId, long listId, String campaignId, Instant callDate, Instant end,
                       String status, String phoneNumber) implements ViciRow {
        public VicidialLog {
            Objects.requireNonNull(uniqueid, "uniqueid");
            Objects.requireNonNull(callDate, "callDate");
        }

        /** The row of a call whose Local ;2 half had {@code localTwoUniqueid} ({@code <epoch>.<sequence>}). */
        public static VicidialLog of(String localTwoUniqueid, boolean answered, long leadId, long listId,
                                     String campaignId, Instant start, Instant end, String dialstatus,
                                     String phoneNumber) {
            String uid = answered ? otherHalf(localTwoUniqueid) : localTwoUniqueid;
            return new VicidialLog(uid, leadId, listId, campaignId, start, end, status(dialstatus), phoneNumber);
        }

        static String otherHalf(String uniqueid) {
            int dot = uniqueid.indexOf('.');
            try {
                return uniqueid.substring(0, dot + 1) + (Long.parseLong(uniqueid.substring(dot + 1)) - 1);
            } catch (RuntimeException e) {
                return uniqueid;
            }
        }

        /** ViciDial's system status for how the dial ended (answered calls are still INCALL for the agent). */
        static String status(String dialstatus) {
            if (dialstatus == null) {
                return "NA";
            }
            return switch (dialstatus) {
                case "ANSWER" -> "INCALL";
                case "BUSY" -> "B";
                case "CONGESTION", "CHANUNAVAIL" -> "DC";
                default -> "NA";
            };
        }
    }

    /** AST_VDauto_dial.pl's vicidial_dial_log INSERT when it queues the Originate. */
    record DialLog(String callerCode, long leadId, String serverIp, Instant callDate, String extension, String channel,
                   String context, int timeoutMillis, String outboundCid) implements ViciRow {
        public DialLog {
            Objects.requireNonNull(callerCode, "callerCode");
            Objects.requireNonNull(callDate, "callDate");
        }
    }

    /** FastAGI_log.pl's later UPDATE of vicidial_dial_log when Asterisk reported a SIP cause for the call. */
    record DialLogSipCause(String callerCode, String serverIp, long leadId, int sipHangupCause, String sipHangupReason,
                           String uniqueid) implements ViciRow {
    }

    /**
     * AST_update_AMI2.pl's 0.4 s refresh of one dialer's trunk channels: rows not in {@code channels} are deleted
     * (matched on server_ip, channel, extension), new ones inserted. An empty list clears the dialer.
     */
    record LiveChannelsSync(String serverIp, java.util.List<LiveChannel> channels) implements ViciRow {
        public LiveChannelsSync {
            Objects.requireNonNull(serverIp, "serverIp");
            channels = java.util.List.copyOf(channels);
        }
    }

    /** A live_channels row: a non-phone, non-Local channel ("trunk"); channelGroup = the caller-ID name. */
    record LiveChannel(String channel, String extension, String channelGroup, String channelData) {
        public LiveChannel {
            Objects.requireNonNull(channel, "channel");
        }
    }
}
