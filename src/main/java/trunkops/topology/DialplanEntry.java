package trunkops.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's dialplan_entry as Asterisk loads it into {@code [vicidial-auto-external]}.
 *
 * @param extensions the extensions in order of first appearance
 * @param warnings   lines Asterisk rejects or reads differently, unresolved Dial targets, a missing call_log AGI
 */
public record DialplanEntry(List<DialplanExtension> extensions, List<ParseWarning> warnings) {

    public DialplanEntry {
        extensions = List.copyOf(extensions);
        warnings = List.copyOf(warnings);
    }

    public List<DialPattern> patterns() {
        return extensions.stream().map(DialplanExtension::pattern).toList();
    }

    /** The extension Asterisk treats as {@code pattern} (ext_cmp equal, without caller-ID match). */
    public Optional<DialplanExtension> extension(DialPattern pattern) {
        return extensions.stream()
                .filter(e -> e.callerIdMatch().isEmpty() && e.pattern().sameExtensionAs(pattern)).findFirst();
    }

    /** The Dial destinations of {@code pattern}'s extension (empty if there is none). */
    public List<DialTarget> dialTargets(DialPattern pattern) {
        return extension(pattern).map(DialplanExtension::dialTargets).orElse(List.of());
    }
}
