package trunkops.app;

import java.io.IOException;
import java.util.List;
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
 * core's ASTDB link ({@code DBGet}). chan_sip trunks are probed with {@code SIPshowpeer}, PJSIP endpoints with
 * {@code PJSIPShowEndpoint} (its {@code ContactStatusDetail}: {@code PJSIPShowContacts} does not list a trunk's static
 * contacts); other techs are reported as not probed (so preflight refuses them as backups).
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
        if (tech == Tech.PJSIP) {
            return pjsipProbe(calls.pjsipShowEndpoint(peer));
        }
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

    /**
     * A PJSIP endpoint's probe from its PJSIPShowEndpoint list: {@code REACHABLE (n ms)} when one of its contacts is
     * Reachable (RoundtripUsec in µs, rounded to ms; PJSIP has no Lagged), else the first contact's status upper-cased
     * ({@code UNREACHABLE}, {@code UNKNOWN}), {@code NO CONTACT} when the endpoint has none, {@code UNKNOWN ENDPOINT}
     * when Asterisk does not know it.
     */
    static Probe pjsipProbe(AmiCallLink.ListAnswer answer) {
        if (!"Success".equalsIgnoreCase(answer.response().get("Response"))) {
            return new Probe("UNKNOWN ENDPOINT (" + answer.response().getOrDefault("Message", "?").strip() + ")", -1);
        }
        List<Map<String, String>> contacts = answer.events().stream()
                .filter(e -> "ContactStatusDetail".equals(e.get("Event"))).toList();
        for (Map<String, String> c : contacts) {
            if ("Reachable".equalsIgnoreCase(c.get("Status"))) {
                int ms = usecToMs(c.get("RoundtripUsec"));
                return new Probe(ms < 0 ? "REACHABLE" : "REACHABLE (" + ms + " ms)", ms);
            }
        }
        if (contacts.isEmpty()) {
            return new Probe("NO CONTACT (the endpoint has no contact to qualify)", -1);
        }
        return new Probe(contacts.get(0).getOrDefault("Status", "Unknown").toUpperCase(java.util.Locale.ROOT), -1);
    }

    private static int usecToMs(String usec) {
        if (usec == null || !usec.matches("\\d{1,12}")) {
            return -1;
        }
        return (int) Math.round(Long.parseLong(usec) / 1000.0);
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
