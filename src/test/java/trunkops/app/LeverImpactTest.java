package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.db.ViciDialRepository.TopologyRows;
import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;
import trunkops.topology.CampaignRow;
import trunkops.topology.CarrierRow;
import trunkops.topology.ListRow;
import trunkops.topology.ServerRow;

/** The levers' impact on the lab's default cluster rows (pure: no database), and the --for lengths. */
class LeverImpactTest {

    static TopologyRows rows() {
        LabClusterSpec spec = LabDefaults.cluster();
        return new TopologyRows(spec.servers().stream().map(s -> new ServerRow(s.serverId(), s.serverIp(),
                s.description(), true, true, s.asteriskVersion(), "localhost", 5038)).toList(),
                spec.carriers().stream().map(c -> new CarrierRow(c.carrierId(), c.carrierName(), c.description(),
                        c.protocol(), c.serverIp(), c.active(), c.registrationString(), c.globalsString(),
                        c.accountEntry(), c.dialplanEntry(), "")).toList(),
                spec.campaigns().stream().map(c -> new CampaignRow(c.campaignId(), c.campaignName(), c.active(),
                        c.dialPrefix(), c.manualDialPrefix(), false, c.dialTimeoutSeconds())).toList(),
                spec.lists().stream().map(l -> new ListRow(l.listId(), l.listName(), l.campaignId(), l.active(),
                        l.dialPrefix())).toList());
    }

    @Test
    void aCampaignRerouteMovesItsOwnRoutesToTheCarrierOfTheNewPrefix() {
        List<LeverImpact.Change> changes = LeverImpact.campaignPrefix(rows(), "RENEW", "9");
        assertFalse(changes.isEmpty());
        changes.forEach(c -> {
            assertEquals("RENEW", c.before().campaignId());
            assertTrue(c.before().list().isEmpty(), "lists with a prefix of their own are not affected");
            assertTrue(c.line().endsWith(": prefix 8 BLUELINE -> 9 NSVOICE"), c.line());
            assertFalse(c.lost());
        });
    }

    @Test
    void aListRerouteNamesTheListWhoseLeadsMove() {
        List<LeverImpact.Change> changes = LeverImpact.listPrefix(rows(), 2001, "9");
        assertFalse(changes.isEmpty());
        changes.forEach(c -> assertTrue(c.line().startsWith("RENEW list 2001 on ") && c.line()
                .endsWith(": prefix 8 BLUELINE -> 9 NSVOICE"), c.line()));
    }

    @Test
    void aPrefixNoCarrierServesLeavesTheRoutesWithout() {
        List<LeverImpact.Change> changes = LeverImpact.campaignPrefix(rows(), "RENEW", "4444");
        assertFalse(changes.isEmpty());
        assertTrue(changes.stream().allMatch(LeverImpact.Change::lost), changes.toString());
        assertTrue(changes.get(0).line().endsWith("-> 4444 (no route)"), changes.get(0).line());
    }

    @Test
    void anInactiveCarrierListsTheRoutesOnItAndThoseLeftWithout() {
        List<LeverImpact.Change> changes = LeverImpact.carrier(rows(), "BLUELINE", false);
        assertFalse(changes.isEmpty());
        assertTrue(changes.stream().allMatch(c -> c.before().carrierId().orElseThrow().equals("BLUELINE")),
                changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.lost() && c.key().equals("RENEW on DIALER1")),
                changes.toString());
        assertTrue(LeverImpact.carrier(rows(), "BLUELINE", true).stream().noneMatch(LeverImpact.Change::lost),
                "setting an active carrier active loses nothing");
    }

    @Test
    void lengthsAreHoursMinutesOrIso() {
        assertEquals(Duration.ofHours(2), MaintenanceAddCommand.length("2h"));
        assertEquals(Duration.ofMinutes(90), MaintenanceAddCommand.length("90m"));
        assertEquals(Duration.ofMinutes(90), MaintenanceAddCommand.length("1h30m"));
        assertEquals(Duration.ofMinutes(45), MaintenanceAddCommand.length("PT45M"));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceAddCommand.length(""));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceAddCommand.length("2 hours"));
    }
}
