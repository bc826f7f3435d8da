package trunkops.health.ui;

import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

import trunkops.ami.AmiLinkState;
import trunkops.health.ServerView;
import trunkops.text.SafeText;

/** The dialers of the cluster with their AMI link state; selecting one filters the trunk board. */
public final class ServerList extends ListView<ServerView> {

    public static final String ALL = "All servers";
    private final ObservableList<ServerView> rows = FXCollections.observableArrayList();

    public ServerList() {
        setId("serverList");
        getStyleClass().add("server-list");
        setItems(rows);
        setCellFactory(v -> new Cell());
        setPrefWidth(230);
    }

    public void show(List<ServerView> servers) {
        ServerView selected = getSelectionModel().getSelectedItem();
        rows.setAll(servers);
        if (selected != null) {
            for (ServerView s : servers) {
                if (s.serverId().equals(selected.serverId())) {
                    getSelectionModel().select(s);
                }
            }
        }
    }

    static String linkText(ServerView s) {
        if (s.link() == null) {
            return "AMI: not started";
        }
        return switch (s.link().state()) {
            case CONNECTED -> "\u2714 AMI connected";
            case CONNECTING -> "\u2026 AMI connecting";
            case AUTH_FAILED -> "\u2716 AMI login refused";
            case DOWN -> "\u2716 AMI down: " + s.link().message();
            case IDLE -> "? AMI not started";
            case STOPPED -> "\u25A0 AMI stopped";
        };
    }

    private static final class Cell extends ListCell<ServerView> {
        @Override
        protected void updateItem(ServerView s, boolean empty) {
            super.updateItem(s, empty);
            for (AmiLinkState st : AmiLinkState.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass("link-" + st.name().toLowerCase(Locale.ROOT)),
                        !empty && s != null && s.link() != null && s.link().state() == st);
            }
            if (empty || s == null) {
                setText(null);
                return;
            }
            setText(SafeText.display(s.serverId()) + "  " + SafeText.display(s.serverIp()) + "\n"
                    + SafeText.display(linkText(s)) + "\n" + s.trunks() + " trunks");
        }
    }
}
