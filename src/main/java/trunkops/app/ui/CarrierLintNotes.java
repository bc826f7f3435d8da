package trunkops.app.ui;

import java.util.List;

import trunkops.routing.CarrierLint;
import trunkops.routing.LintFinding;
import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.topology.ui.CarrierNotes;

/** The route linter's findings about an existing carrier, worded for the Carriers tab. */
final class CarrierLintNotes {

    private CarrierLintNotes() {
    }

    static CarrierNotes of(Carrier carrier, ClusterTopology topology) {
        List<LintFinding> findings = CarrierLint.of(carrier, topology);
        String summary = findings.isEmpty() ? "\u2714 clean" : CarrierLint.summary(findings);
        return new CarrierNotes(summary, findings.stream().map(CarrierLint::display).toList());
    }
}
