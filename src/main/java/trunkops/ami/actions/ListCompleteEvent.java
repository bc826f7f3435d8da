package trunkops.ami.actions;

import org.asteriskjava.manager.event.ResponseEvent;

/**
 * The {@code ...Complete} event that ends an AMI list response ({@code EventList: Complete}, {@code ListItems}).
 * asterisk-java maps an event name to a class by its simple name, so each list gets a subclass of its own.
 */
public abstract class ListCompleteEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private String eventList;
    private Integer listItems;

    protected ListCompleteEvent(Object source) {
        super(source);
    }

    public String getEventList() {
        return eventList;
    }

    public void setEventList(String eventList) {
        this.eventList = eventList;
    }

    public Integer getListItems() {
        return listItems;
    }

    public void setListItems(Integer listItems) {
        this.listItems = listItems;
    }
}
