package trunkops.lab.vici;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import trunkops.lab.LabClock;
import trunkops.lab.db.AsyncViciWriter;
import trunkops.lab.db.PeerEvent;
import trunkops.lab.db.ViciRow;
import trunkops.lab.pbx.PbxHooks;

/**
 * ViciDial's FastAGI_log.pl and AMI listener as the lab needs them, for one dialer: the {@code call_log} AGI
 * writes a call_log row, the {@code h} extension's {@code call_log--HVcauses--...} AGI writes the
 * vicidial_carrier_log row (only when DIALSTATUS is set, the caller code starts with V or M and carrier logging
 * is on, as FastAGI_log.pl does) and closes the call_log row, and qualify verdicts become
 * vicidial_peer_event_log rows. All writes go through the asynchronous writer: the PBX thread never waits.
 */
public final class ViciFastAgi implements PbxHooks {

    private final String serverIp;
    private final LabClock clock;
    private final AsyncViciWriter writer;
    private final boolean carrierLogging;
    private final Map<String, String> callerCodes = new ConcurrentHashMap<>();
    private final Map<String, Instant> starts = new ConcurrentHashMap<>();
    private final PlacedCalls placedCalls;

    public ViciFastAgi(String serverIp, LabClock clock, AsyncViciWriter writer, boolean carrierLogging) {
        this(serverIp, clock, writer, carrierLogging, new PlacedCalls());
    }

    /** {@code placedCalls}: the campaign of each call the dialer's auto-dial placed, for its vicidial_log row. */
    public ViciFastAgi(String serverIp, LabClock clock, AsyncViciWriter writer, boolean carrierLogging,
                       PlacedCalls placedCalls) {
        this.placedCalls = placedCalls;
        this.serverIp = serverIp;
        this.clock = clock;
        this.writer = writer;
        this.carrierLogging = carrierLogging;
    }

    @Override
    public Map<String, String> agi(String serverId, String url, Map<String, String> env) {
        Instant now = clock.now();
        String uniqueid = env.getOrDefault("agi_uniqueid", "");
        String channel = env.getOrDefault("agi_channel", "");
        String callerCode = env.getOrDefault("agi_calleridname", "");
        if (url.endsWith("/call_log")) {
            callerCodes.put(uniqueid, callerCode);
            starts.put(uniqueid, now);
            writer.submit(ViciRow.CallLogStart.localChannel(uniqueid, channel, serverIp,
                    env.getOrDefault("agi_extension", ""), callerCode, now));
            return Map.of();
        }
        int at = url.indexOf("call_log--HVcauses--");
        if (at >= 0) {
            hangup(url.substring(at), uniqueid, channel, callerCode, now);
        }
        return Map.of();
    }

    /** {@code call_log--HVcauses--PRI-----NODEBUG-----cause-----dialstatus-----dialed-----answered-----tech}. */
    private void hangup(String request, String uniqueid, String channel, String callerCodeNow, Instant now) {
        String[] f = request.split("-----", -1);
        int cause = parseInt(f.length > 2 ? f[2] : "");
        String dialstatus = f.length > 3 ? f[3] : "";
        int dialed = parseInt(f.length > 4 ? f[4] : "");
        int answered = parseInt(f.length > 5 ? f[5] : "");
        String tech = f.length > 6 ? f[6] : "";
        String callerCode = callerCodes.remove(uniqueid);
        Instant start = starts.remove(uniqueid);
        if (callerCode == null) {
            callerCode = callerCodeNow;
        }
        PlacedCalls.Placed placed = callerCode.startsWith("V") ? placedCalls.take(callerCode) : null;
        if (placed != null) {
            writer.submit(trunkops.lab.db.ViciRow.VicidialLog.of(uniqueid, "ANSWER".equals(dialstatus),
                    leadId(callerCode), placed.listId(), placed.campaignId(), start == null ? now : start, now,
                    dialstatus, placed.phoneNumber()));
        }
        writer.submit(new ViciRow.CallLogEnd(uniqueid, channel, now));
        boolean autoOrManual = callerCode.startsWith("V") || callerCode.startsWith("M");
        if (dialstatus.isEmpty() || !autoOrManual || !carrierLogging) {
            return;
        }
        int sipCode = 0;
        String sipReason = "";
        if (tech.startsWith("SIP ")) {
            String[] t = tech.split(" ", 3);
            sipCode = parseInt(t[1]);
            sipReason = t.length > 2 ? t[2] : "";
        }
        writer.submit(new ViciRow.CarrierLog(uniqueid, now, serverIp, leadId(callerCode), cause, dialstatus, channel,
                dialed, answered, sipCode, truncate(sipReason, 50), callerCode));
    }

    @Override
    public void peerStatus(String serverId, String peer, String status, int lastms, int maxms) {
        String data = "Unreachable".equals(status) ? "|Time=-1|" : "|PingTime=" + lastms + "|MaxPing=" + maxms + "|";
        writer.submit(new PeerEvent(clock.now(), serverIp, status.toUpperCase(java.util.Locale.ROOT), "SIP",
                "SIP/" + peer, data));
    }

    /**
     * A PJSIP endpoint's PeerStatus: channel_type PJSIP, peer {@code PJSIP/<endpoint>}; the event carries no
     * PingTime/Time/MaxPing, so data stays empty.
     */
    @Override
    public void pjsipPeerStatus(String serverId, String endpoint, String status, long rttUsec) {
        String data = "";
        writer.submit(new PeerEvent(clock.now(), serverIp, status.toUpperCase(java.util.Locale.ROOT), "PJSIP",
                "PJSIP/" + endpoint, data));
    }

    /** The lead id is the last 10 digits of a ViciDial caller code. */
    static long leadId(String callerCode) {
        if (callerCode.length() < 10) {
            return 0;
        }
        try {
            return Long.parseLong(callerCode.substring(callerCode.length() - 10));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
