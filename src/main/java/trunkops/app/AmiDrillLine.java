package trunkops.app;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import trunkops.ami.AmiCallLink;
import trunkops.control.AdminFlag;
import trunkops.control.AstDbLink;
import trunkops.drill.DrillLine;
import trunkops.topology.Tech;

/**
 * The drill's dialer link over AMI: calls and events on an {@link AmiCallLink}, the admin flag through the control
 * core's ASTDB link ({@code DBGet}). chan_sip trunks are probed with {@code SIPshowpeer}; other techs are reported
 * as not probed (so preflight refuses a PJSIP backup until the drill learns {@code PJSIPShowContacts}).
 */
public final class AmiDrillLine implements DrillLine {

    private static final Pattern MS = Pattern.compile("\\((\\d+) ms\\)");

    private final AmiCallLink calls;
    private final AstDbLink astdb;
    private final String callerId;
    private final Optional<AnswerTo> answerTo;

    /** Where an answered test call goes instead of {@code Wait(2)}: an extension (priority 1) of a context. */
    public record AnswerTo(String context, String exten) {
    }

    /**
     * @param answerTo empty: the answered call runs {@code Wait(2)} and hangs up (Originate Application); present:
     *                 it continues at that extension
     */
    public AmiDrillLine(AmiCallLink calls, AstDbLink astdb, String callerId, Optional<AnswerTo> answerTo) {
        this.calls = calls;
        this.astdb = astdb;
        this.callerId = callerId;
        this.answerTo = answerTo;
    }

    @Override
    public String serverId() {
        return calls.serverId();
    }

    @Override
    public void setListener(Consumer<Map<String, String>> events) {
        calls.setListener(events);
    }

    @Override
    public void originate(String actionId, String channel, String channelId, long timeoutMs,
                          Map<String, String> variables) throws IOException {
        if (answerTo.isPresent()) {
            calls.originate(actionId, channel, channelId, timeoutMs, AmiCallLink.Answered.extension(
                    answerTo.get().context(), answerTo.get().exten()), callerId, variables);
        } else {
            calls.originate(actionId, channel, channelId, timeoutMs, AmiCallLink.Answered.application("Wait", "2"),
                    callerId, variables);
        }
    }

    @Override
    public Probe probe(Tech tech, String peer) throws IOException {
        if (tech != Tech.SIP) {
            return new Probe("NOT PROBED (" + tech + " trunks are not probed by the drill yet)", -1);
        }
        Map<String, String> r = calls.sipShowPeer(peer);
        if (!"Success".equalsIgnoreCase(r.get("Response"))) {
            return new Probe("UNKNOWN PEER (" + r.getOrDefault("Message", "?") + ")", -1);
        }
        String status = r.getOrDefault("Status", "UNKNOWN");
        Matcher m = MS.matcher(status);
        return new Probe(status, m.find() ? Integer.parseInt(m.group(1)) : -1);
    }

    @Override
    public Optional<String> adminFlag(String peer) throws IOException {
        try {
            return astdb.get(AdminFlag.FAMILY, AdminFlag.key(peer));
        } catch (AstDbLink.AstDbException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
