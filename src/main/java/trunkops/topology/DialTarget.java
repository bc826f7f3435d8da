package trunkops.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * One destination of a {@code Dial()} (one {@code &}-separated part of its first argument).
 *
 * @param raw      as written, e.g. {@code ${SIPTRUNK}/${EXTEN:2}}
 * @param expanded after substituting the carrier's globals, e.g. {@code SIP/ExampleSIP/${EXTEN:2}}
 * @param tech     the technology as written after expansion ({@code SIP}, {@code PJSIP}, {@code IAX2},
 *                 {@code Local}, ...), {@code ""} when unknown
 * @param peer     the peer or endpoint it dials ({@code exten@peer} and {@code peer/exten} both give peer; for
 *                 other technologies the resource), {@code ""} when unknown
 * @param problem  why it could not be resolved, {@code ""} when resolved; unresolved targets are never guessed
 */
public record DialTarget(String raw, String expanded, String tech, String peer, String problem) {

    public DialTarget {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(expanded, "expanded");
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(problem, "problem");
    }

    public boolean resolved() {
        return problem.isEmpty();
    }

    /** The trunk technology, when this resolved to a SIP, PJSIP or IAX2 peer. */
    public Optional<Tech> trunkTech() {
        return resolved() ? Tech.fromDialTech(tech) : Optional.empty();
    }

    @Override
    public String toString() {
        return resolved() ? tech + "/" + peer : raw + " (unresolved: " + problem + ")";
    }
}
