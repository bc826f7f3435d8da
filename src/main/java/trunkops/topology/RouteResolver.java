package trunkops.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Computes one campaign route on one server from that server's merged dialplan and trunks. */
final class RouteResolver {

    private final DialerServer server;
    private final ServerDialplan dialplan;
    private final List<Trunk> trunks;

    RouteResolver(DialerServer server, ServerDialplan dialplan, List<Trunk> trunks) {
        this.server = server;
        this.dialplan = dialplan;
        this.trunks = trunks;
    }

    CampaignRoute route(CampaignRow campaign, Optional<ListRow> list, String sampleNumber) {
        List<String> problems = new ArrayList<>();
        String prefix;
        CampaignRoute.PrefixSource source;
        if (list.isPresent()) {
            prefix = list.get().dialPrefix();
            source = CampaignRoute.PrefixSource.LIST;
        } else if (!campaign.dialPrefix().isEmpty()) {
            prefix = campaign.dialPrefix();
            source = CampaignRoute.PrefixSource.CAMPAIGN;
        } else {
            prefix = "9";
            source = CampaignRoute.PrefixSource.DEFAULT;
        }
        if (prefix.toLowerCase(Locale.ROOT).contains("x")) {
            problems.add("prefix '" + prefix + "' contains X: AST_VDauto_dial then dials with no prefix at all");
            prefix = "";
        }
        String dialString = prefix + (campaign.omitPhoneCode() ? "" : "1") + sampleNumber;
        String forPrefix = prefix;
        List<PatternRef> candidates = dialplan.patterns().stream()
                .filter(p -> p.pattern().canMatchPrefix(forPrefix)).toList();
        Optional<ServerDialplan.Ext> match = dialplan.match(dialString);
        List<Trunk> dialed = new ArrayList<>();
        if (match.isEmpty()) {
            problems.add("no carrier pattern on " + server.serverId() + " matches " + dialString
                    + ": calls fail with no route (unless a context outside the carriers, such as a custom dialplan,"
                    + " matches it)");
        } else {
            collectTrunks(match.get(), dialed, problems);
        }
        Optional<PatternRef> matched = match.map(e -> new PatternRef(e.ownerCarrierId(), e.pattern()));
        return new CampaignRoute(campaign, list, prefix, source, server.serverId(), dialString, matched,
                candidates, dialed, problems);
    }

    private void collectTrunks(ServerDialplan.Ext ext, List<Trunk> dialed, List<String> problems) {
        boolean anyDial = false;
        for (ServerDialplan.Step s : ext.steps()) {
            DialplanStep step = s.step();
            if (!step.isDial()) {
                continue;
            }
            anyDial = true;
            String where = ext.pattern() + " priority " + step.priority() + " (" + s.carrierId() + ")";
            if (step.oldSyntax() && !server.acceptsOldAppSyntax()) {
                problems.add(where + " uses the 1.4 'Dial,...' syntax, which Asterisk "
                        + server.row().asteriskVersion() + " does not run: the call fails there");
                continue;
            }
            List<DialTarget> targets = DialTargets.ofDialArgs(step.args(), step.oldSyntax(), dialplan.globals());
            noteGlobalsDrift(where, step, targets, problems);
            for (DialTarget t : targets) {
                addTarget(where, t, dialed, problems);
            }
        }
        if (!anyDial) {
            problems.add(ext.pattern() + " has no Dial on " + server.serverId() + ": calls do not reach a trunk");
        }
    }

    private void addTarget(String where, DialTarget t, List<Trunk> dialed, List<String> problems) {
        if (!t.resolved()) {
            problems.add(where + " dials '" + t.raw() + "', which cannot be resolved: " + t.problem());
            return;
        }
        Optional<Tech> tech = t.trunkTech();
        if (tech.isEmpty()) {
            problems.add(where + " dials " + t.expanded() + ", not a SIP/PJSIP/IAX2 trunk; not followed");
            return;
        }
        Optional<Trunk> trunk = trunks.stream()
                .filter(x -> x.tech() == tech.get() && tech.get().sameName(x.name(), t.peer())).findFirst();
        if (trunk.isEmpty()) {
            problems.add(where + " dials " + tech.get() + "/" + t.peer() + ", which no active carrier defines on "
                    + server.serverId() + " (unless sip.conf/pjsip.conf define it outside ViciDial, the call fails)");
        } else if (!dialed.contains(trunk.get())) {
            dialed.add(trunk.get());
        }
    }

    /** The carrier read alone may mean another trunk than the server's merged globals make it dial. */
    private void noteGlobalsDrift(String where, DialplanStep step, List<DialTarget> serverView,
                                  List<String> problems) {
        List<String> own = step.dialTargets().stream().map(DialTarget::toString).toList();
        List<String> actual = serverView.stream().map(DialTarget::toString).toList();
        if (!own.equals(actual)) {
            problems.add(where + " is written to dial " + own + " but on " + server.serverId()
                    + " the merged globals make it dial " + actual);
        }
    }
}
