package trunkops.ami.actions;

import org.asteriskjava.manager.event.ResponseEvent;

/** One {@code DBGetTreeResponse} item: {@code Key} is the full path ({@code /trunkops/weight/trunk1}). */
public final class DbGetTreeResponseEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private String key;
    private String val;

    public DbGetTreeResponseEvent(Object source) {
        super(source);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getVal() {
        return val;
    }

    public void setVal(String val) {
        this.val = val;
    }
}
