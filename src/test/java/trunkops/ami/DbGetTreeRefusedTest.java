package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import trunkops.testutil.ScriptedManager;
import trunkops.topology.Tech;

/**
 * An Asterisk without DBGetTree (before 16.28 / 18.14 / 19.6) or a user not allowed it answers an error: that is a
 * failed read (the board shows the flags unknown), never an empty tree (which would read as "all in service").
 */
class DbGetTreeRefusedTest {

    @Test
    void anErrorAnswerFailsTheReadInsteadOfReadingEmpty() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        List<AmiLinkStatus> links = new java.util.concurrent.CopyOnWriteArrayList<>();
        AmiGatewayListener listener = new AmiGatewayListener() {
            @Override
            public void linkChanged(AmiLinkStatus status) {
                links.add(status);
            }

            @Override
            public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
            }

            @Override
            public void peerStatus(String serverId, Tech tech, String peer, String status, Integer timeMs,
                                   long atMillis) {
            }
        };
        try (ScriptedManager server = new ScriptedManager();
             AmiGateway g = new AmiGateway(new AmiTarget("scripted", "127.0.0.1", server.port(),
                     ScriptedManager.USER), ScriptedManager.SECRET::toCharArray, listener, scheduler,
                     new AmiGateway.Settings(10_000, 5_000, 5_000, 100, 200, 10_000, 0, 0, 60_000))) {
            g.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (links.stream().noneMatch(l -> l.state() == AmiLinkState.CONNECTED)) {
                assertTrue(System.nanoTime() < deadline, "the scripted manager accepted the login");
                synchronized (links) {
                    links.wait(10);
                }
            }
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> g.dbGetTree("trunkops", "admin").get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("DBGetTree refused: Invalid/unknown command"),
                    e.getCause().toString());
        } finally {
            scheduler.shutdownNow();
        }
    }
}
