package trunkops.control.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import trunkops.control.ControlVerb;

/**
 * Which entries to show: begun at or after {@code since}, before {@code to}, on a trunk ({@code SIP/x} or just the
 * peer, letter case ignored), by an actor (part of the actor, OS user or host), of a verb, containing a text
 * anywhere (reason, ticket, dialers, outcome details). Empty = no condition.
 */
public record AuditQuery(Optional<Instant> since, Optional<Instant> to, Optional<String> trunk,
                         Optional<String> actor, Optional<ControlVerb> verb, Optional<String> text) {

    public static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public boolean matches(AuditEntry e) {
        return since.map(s -> !e.started().isBefore(s)).orElse(true)
                && to.map(t -> e.started().isBefore(t)).orElse(true)
                && trunk.map(t -> lower(e.trunk()).equals(lower(t)) || lower(e.peer()).equals(lower(t))).orElse(true)
                && actor.map(a -> lower(e.actor() + " " + e.osUser() + "@" + e.host()).contains(lower(a)))
                .orElse(true)
                && verb.map(v -> e.verb() == v).orElse(true)
                && text.map(t -> lower(haystack(e)).contains(lower(t))).orElse(true);
    }

    private static String haystack(AuditEntry e) {
        StringBuilder b = new StringBuilder();
        b.append(e.id()).append(' ').append(e.actor()).append(' ').append(e.osUser()).append('@').append(e.host())
                .append(' ').append(e.verb()).append(' ').append(e.trunk()).append(' ').append(e.route().orElse(""))
                .append(' ').append(e.reason()).append(' ').append(e.ticket().orElse("")).append(' ')
                .append(String.join(" ", e.dialers())).append(' ').append(e.outcomeWord());
        e.completion().ifPresent(c -> c.outcomes().forEach(o -> b.append(' ').append(o.detail())));
        return b.toString();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public AuditQuery withText(String t) {
        return new AuditQuery(since, to, trunk, actor, verb, blank(t));
    }

    public AuditQuery withActor(String a) {
        return new AuditQuery(since, to, trunk, blank(a), verb, text);
    }

    public AuditQuery withVerb(ControlVerb v) {
        return new AuditQuery(since, to, trunk, actor, Optional.ofNullable(v), text);
    }

    public AuditQuery withSince(Instant s) {
        return new AuditQuery(Optional.ofNullable(s), to, trunk, actor, verb, text);
    }

    public AuditQuery withTrunk(String t) {
        return new AuditQuery(since, to, blank(t), actor, verb, text);
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
