package trunkops.lab.ami;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The manager's own actions (Login, Challenge, Logoff, Ping, Events, ListCommands) and the dispatch rules of manager.c's
 * process_message: missing action, authentication, unknown action, write permission.
 */
final class ManagerActions {

    private final ManagerCore core;

    ManagerActions(ManagerCore core) {
        this.core = core;
    }

    void dispatch(ActionContext ctx) {
        AmiSession s = ctx.session();
        String action = ctx.request().action();
        if (action.isEmpty()) {
            ctx.error("Missing action in request");
            badFormat(s, "NONE");
            return;
        }
        switch (action.toLowerCase(java.util.Locale.ROOT)) {
            case "login" -> login(ctx);
            case "challenge" -> challenge(ctx);
            case "logoff" -> logoff(ctx);
            default -> other(ctx, action);
        }
    }

    private void other(ActionContext ctx, String action) {
        AmiSession s = ctx.session();
        if (!s.authenticated()) {
            ctx.error("Permission denied");
            return;
        }
        if (ctx.request().headersLost()) {
            ctx.error("Too many lines in message or allocation failure");
            return;
        }
        switch (action.toLowerCase(java.util.Locale.ROOT)) {
            case "ping" -> {
                ctx.send(ctx.response("Success").add("Ping", "Pong").add("Timestamp", core.clock().amiTimestamp()));
                return;
            }
            case "events" -> {
                events(ctx);
                return;
            }
            case "listcommands" -> {
                ListCommands.answer(ctx, core.actions());
                return;
            }
            default -> {
                // registered actions below
            }
        }
        ActionRegistry.Action a = core.actions().find(action);
        if (a == null) {
            ctx.error("Invalid/unknown command: " + action
                    + ". Use Action: ListCommands to show available commands.");
            badFormat(s, action);
            return;
        }
        if (a.authority() != 0 && (s.user().writeMask() & a.authority()) == 0) {
            ctx.error("Permission denied");
            return;
        }
        a.handler().handle(ctx);
    }

    private void events(ActionContext ctx) {
        int mask = ctx.session().setEventMask(ctx.get("EventMask"));
        if (mask < 0) {
            ctx.error("Invalid event mask");
            return;
        }
        ctx.send(ctx.response("Success").add("Events", mask > 0 ? "On" : "Off"));
    }

    private void badFormat(AmiSession s, String action) {
        AmiMessage.Builder b = AmiMessage.builder()
                .add("EventTV", EventFormats.eventTv(core.clock().nowMicros()))
                .add("Severity", "Error")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("SessionID", s.sessionId())
                .add("LocalAddress", s.localAddress())
                .add("RemoteAddress", s.remoteAddress())
                .add("RequestType", "Action: " + action)
                .add("SessionTV", s.sessionTv());
        if (s.user() != null) {
            b.add("AccountID", s.user().name());
        }
        core.publish(core.event("RequestBadFormat", EventClass.SECURITY.bit(), b));
    }

    private void challenge(ActionContext ctx) {
        String authType = ctx.get("AuthType");
        if (!authType.equalsIgnoreCase("MD5")) {
            ctx.error("Must specify AuthType");
            return;
        }
        AmiSession s = ctx.session();
        if (s.challenge() == null || s.challenge().isEmpty()) {
            s.setChallenge(Long.toString(ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE)));
        }
        ctx.send(ctx.response("Success").add("Challenge", s.challenge()));
    }

    private void login(ActionContext ctx) {
        AmiSession s = ctx.session();
        if (s.authenticated()) {
            ctx.success("Already authenticated");
            return;
        }
        String username = ctx.get("Username");
        ManagerUser user = username.isEmpty() ? null : core.config().user(username);
        if (user == null || !user.permits(s.remoteIp()) || !credentialsMatch(ctx, s, user)) {
            ctx.defer();
            core.schedule(1000, () -> {
                ctx.error("Authentication failed");
                ctx.closeAfter();
                ctx.finish();
            });
            return;
        }
        s.loggedIn(user, ctx.get("Events"));
        ctx.success("Authentication accepted");
        if ((s.effectiveEventMask() & EventClass.SYSTEM.bit()) != 0) {
            ctx.send(AmiMessage.builder()
                    .add("Event", "FullyBooted")
                    .add("Privilege", EventClass.privilege(EventClass.SYSTEM.bit()))
                    .add("Uptime", core.uptimeSeconds())
                    .add("LastReload", core.lastReloadSeconds())
                    .add("Status", "Fully Booted"));
        }
        core.publish(core.event("SuccessfulAuth", EventClass.SECURITY.bit(), AmiMessage.builder()
                .add("EventTV", EventFormats.eventTv(core.clock().nowMicros()))
                .add("Severity", "Informational")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("AccountID", user.name())
                .add("SessionID", s.sessionId())
                .add("LocalAddress", s.localAddress())
                .add("RemoteAddress", s.remoteAddress())
                .add("UsingPassword", "0")
                .add("SessionTV", s.sessionTv())));
    }

    private static boolean credentialsMatch(ActionContext ctx, AmiSession s, ManagerUser user) {
        String authType = ctx.get("AuthType");
        if (authType.equalsIgnoreCase("MD5")) {
            String challenge = s.challenge();
            String key = ctx.get("Key");
            return challenge != null && !challenge.isEmpty() && !key.isEmpty()
                    && key.equalsIgnoreCase(md5Hex(challenge + user.secret()));
        }
        return !authType.isEmpty() ? false : user.secret().equals(ctx.get("Secret"));
    }

    private void logoff(ActionContext ctx) {
        ctx.send(ctx.response("Goodbye").add("Message", "Thanks for all the fish."));
        ctx.closeAfter();
    }

    static String md5Hex(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
