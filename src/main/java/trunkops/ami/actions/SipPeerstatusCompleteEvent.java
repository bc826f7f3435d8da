package trunkops.ami.actions;

import org.asteriskjava.manager.event.ResponseEvent;

/** {@code SIPpeerstatusComplete}: end of a SIPpeerstatus list (the class name maps to the event name). */
public final class SipPeerstatusCompleteEvent extends ResponseEvent {

    private static final long serialVersionUID = 1L;
    private String eventList;
    private Integer listItems;

    public SipPeerstatusCompleteEvent(Object source) {
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
