package trunkops.push;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import trunkops.routing.DialplanLinter;
import trunkops.routing.GeneratedRoute;
import trunkops.routing.LintFinding;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteVersion;

/**
 * What pushing one route version writes: the router carrier row ({@code carrier_id} = the route's name, the
 * generated {@code dialplan_entry} and {@code globals_string}, {@code server_ip} 0.0.0.0, active), the live row it
 * was built from (the push stops if that changed before its first write), the lint findings of the new text, and
 * per dialer a unified diff of what that dialer generates from the live row against the new text.
 */
public record ChangeSet(RouteVersion version, GeneratedRoute generated, RouterRow target, Optional<RouterRow> live,
                        List<LintFinding> findings, List<PushStore.Dialer> dialers) {

    public ChangeSet {
        findings = List.copyOf(findings);
        dialers = List.copyOf(dialers);
    }

    public static ChangeSet build(RouteVersion v, Optional<RouterRow> live, List<PushStore.Dialer> dialers) {
        return of(v, RouteGenerator.render(v), live, dialers);
    }

    /** With a given rendering (tests corrupt it to see the push catch a dialplan that loads only partly). */
    static ChangeSet of(RouteVersion v, GeneratedRoute g, Optional<RouterRow> live, List<PushStore.Dialer> dialers) {
        RouterRow target = new RouterRow(g.carrierId(), g.dialplanEntry(), g.globalsString(),
                RouterRow.ALL_SERVERS, true, g.accountEntry());
        return new ChangeSet(v, g, target, live, DialplanLinter.lint(g.dialplanEntry()), dialers);
    }

    public boolean lintErrors() {
        return findings.stream().anyMatch(LintFinding::isError);
    }

    /** The live row already is this version for every dialer: a push would change nothing. */
    public boolean nothingToPush() {
        return live.isPresent() && live.get().sameContent(target)
                && RouterRow.ALL_SERVERS.equals(live.get().serverIp());
    }

    /** The text a dialer generates from the live row (empty when the row does not reach it). */
    public String liveText(PushStore.Dialer d) {
        return live.filter(r -> r.reaches(d.serverIp())).map(r -> rowText(r)).orElse("");
    }

    /** Unified diff (3 lines of context) of the dialer's live text against the new one; empty when equal. */
    public List<String> diff(PushStore.Dialer d) {
        List<String> before = lines(liveText(d));
        List<String> after = lines(rowText(target));
        return UnifiedDiffUtils.generateUnifiedDiff(d.serverId() + " live", d.serverId() + " v" + v(),
                before, DiffUtils.diff(before, after), 3);
    }

    private int v() {
        return version.version();
    }

    private static String rowText(RouterRow r) {
        String peers = r.accountEntry().isEmpty() ? "" : "; account_entry\n" + r.accountEntry().strip() + "\n";
        return peers + "; globals_string\n" + r.globalsString().strip() + "\n; dialplan_entry\n" + r.dialplanEntry();
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    }
}
