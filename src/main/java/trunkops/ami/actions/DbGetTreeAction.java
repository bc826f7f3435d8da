package trunkops.ami.actions;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * main/db.c's {@code DBGetTree} (Asterisk 16.28/18.14+; asterisk-java 3.41 lacks it): the exact key
 * {@code /Family/Key} and everything below it as {@code DBGetTreeResponse} items (full paths), then
 * {@code DBGetTreeComplete}. A missing family is an empty list, not an error.
 */
public final class DbGetTreeAction extends AbstractManagerAction implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;
    private String family;
    private String key;

    public DbGetTreeAction(String family, String key) {
        this.family = family;
        this.key = key;
    }

    @Override
    public String getAction() {
        return "DBGetTree";
    }

    public String getFamily() {
        return family;
    }

    public void setFamily(String family) {
        this.family = family;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return DbGetTreeCompleteEvent.class;
    }
}
