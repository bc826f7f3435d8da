package trunkops.health.ui;

import java.util.List;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

import trunkops.topology.RouteImpact;
import trunkops.topology.Trunk;
import trunkops.text.SafeText;

/** Blast radius: the campaign routes that lose a trunk, and those left with no way out on a dialer. */
public final class ImpactView extends ListView<RouteImpact> {

    public ImpactView() {
        setId("impactView");
        getStyleClass().add("impact-view");
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RouteImpact r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : SafeText.display(text(r)));
            }
        });
        setPlaceholder(new javafx.scene.control.Label("No campaign route is affected"));
    }

    static String text(RouteImpact r) {
        String what = r.lost() ? "\u2716 no route left" : "\u25B2 degraded";
        String list = r.route().list().map(l -> " list " + l.listId()).orElse("");
        return what + ": " + r.campaignId() + list + " on " + r.serverId() + " via "
                + r.route().carrierId().orElse("?") + " (not live: "
                + r.downTrunks().stream().map(Trunk::name).collect(Collectors.joining(", ")) + ")";
    }

    public void show(List<RouteImpact> impacts) {
        if (!impacts.equals(getItems())) {
            setItems(FXCollections.observableArrayList(impacts));
        }
    }
}
