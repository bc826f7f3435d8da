package trunkops.lab.pbx;

/** A read-only picture of one live channel, for the lab's ViciDial side (live_channels) and for tests. */
public record ChannelView(String name, String tech, String peer, String state, String callerIdName,
                          String callerIdNum, String context, String exten, String uniqueid) {

    static ChannelView of(Channel c) {
        return new ChannelView(c.name, c.tech.name(), c.peer, c.state.description(), c.callerIdName, c.callerIdNum,
                c.context, c.exten, c.uniqueid);
    }
}
