package trunkops.lab.ami;

import trunkops.lab.LabClock;

/** What a manager session needs from the simulated Asterisk it belongs to. */
public interface ManagerCore {

    ManagerConfig config();

    ActionRegistry actions();

    LabClock clock();

    /** Runs {@code task} on the PBX thread, which owns all simulated state. */
    void execute(Runnable task);

    /** Runs {@code task} on the PBX thread after {@code labMillis} of lab time. */
    void schedule(long labMillis, Runnable task);

    /** Publishes an event to every session allowed to see it (must be called on the PBX thread). */
    void publish(ManagerEvent event);

    /** Builds a queued event stamped with the current lab time. */
    ManagerEvent event(String name, int classMask, AmiMessage.Builder body);

    long uptimeSeconds();

    long lastReloadSeconds();

    /** Sessions register here to receive events. */
    void attach(AmiSession session);

    void detach(AmiSession session);
}
