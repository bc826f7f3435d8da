package trunkops.topology.ui;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import trunkops.topology.CampaignRoute;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Trunk;
import trunkops.text.SafeText;

/**
 * How each campaign (and each list overriding its prefix) reaches a carrier on each dialer: the prefix, the
 * pattern Asterisk picks, the trunks it dials, and what would go wrong.
 */
public final class CampaignsView extends TableView<CampaignRoute> {

    public CampaignsView() {
        setId("campaignsView");
        getStyleClass().add("campaigns-view");
        getColumns().add(col("Campaign", 100, CampaignRoute::campaignId));
        getColumns().add(col("Active", 60, r -> r.campaign().active() ? "\u2714" : "\u2716"));
        getColumns().add(col("List", 70, r -> r.list().map(l -> Long.toString(l.listId())).orElse("")));
        getColumns().add(col("Prefix", 70, r -> r.prefix() + " (" + r.prefixSource().name().toLowerCase() + ")"));
        getColumns().add(col("Server", 90, CampaignRoute::serverId));
        getColumns().add(col("Carrier / pattern", 180, r -> r.matched()
                .map(p -> p.carrierId() + "  " + p.pattern()).orElse("\u2716 no route")));
        getColumns().add(col("Trunks", 160, r -> r.trunks().stream().map(Trunk::name)
                .collect(Collectors.joining(" \u2192 "))));
        getColumns().add(col("Problems", 320, r -> String.join("; ", r.problems())));
        setPlaceholder(new Label("No campaigns read yet"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<CampaignRoute, String> col(String title, double width,
                                                          Function<CampaignRoute, String> f) {
        TableColumn<CampaignRoute, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(SafeText.display(f.apply(v.getValue()))));
        return c;
    }

    public void show(ClusterTopology topology) {
        setItems(FXCollections.observableArrayList(topology == null ? List.of() : topology.routes()));
    }
}
