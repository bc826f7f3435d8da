package trunkops.push;

import java.util.List;

/** Reads one context of a dialer's live dialplan (AMI {@code ShowDialPlan}; implementation in trunkops.ami). */
public interface DialplanReader extends AutoCloseable {

    /** One priority as Asterisk has it loaded. */
    record Priority(String exten, int priority, String application, String appData) {
    }

    List<Priority> show(String serverId, String context) throws PushException;

    @Override
    void close();
}
