package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import trunkops.app.AppPaths;
import trunkops.db.CarrierLogRepository;
import trunkops.db.Database;
import trunkops.db.ViciDialRepository;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.topology.TopologyBuilder;

/**
 * Issue 8 item 12 on the console's live path: the cold load publishes with the shared prefix key labelled "by
 * prefix" (it does not wait for vicidial_log), and the next refresh moves those calls to the campaign ViciDial
 * logged for each, without changing any carrier's count.
 */
class SharedPrefixCampaignsLabTest {

    @Test
    void theRefreshAfterTheColdLoadMovesSharedPrefixCallsToTheirCampaign() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "shared-prefix-lab-test"));
        AppPaths.deleteTree(dir);
        try (LabCluster lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, true, false, 0, Duration.ofSeconds(15), 5L), m -> { });
             Database db = new Database(CarrierLogRepository.readerSettings(Database.Settings.of(
                     lab.dbAccess().jdbcUrl(), lab.dbAccess().user())), lab.dbAccess().password().toCharArray())) {
            ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
            CarrierTrafficEngine engine = new CarrierTrafficEngine(new CarrierLogRepository(db),
                    CarrierTrafficEngine.Settings.defaults());
            engine.setTopology(TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(),
                    rows.lists()));
            engine.refresh();
            Map<String, Long> cold = byCampaign(engine);
            assertTrue(cold.keySet().stream().anyMatch(k -> k.endsWith(Attribution.BY_PREFIX)),
                    "the cold load counts shared-prefix calls under the labelled prefix key first: " + cold);
            engine.refresh();
            Map<String, Long> moved = byCampaign(engine);
            assertTrue(moved.keySet().stream().noneMatch(k -> k.endsWith(Attribution.BY_PREFIX)), moved.toString());
            assertTrue(moved.containsKey("BLUELINE/RENEW") && moved.containsKey("BLUELINE/SALES1"), moved.toString());
            assertEquals(carriers(cold), carriers(moved), "no carrier's count changes (no traffic meanwhile)");
        } finally {
            AppPaths.deleteTree(dir);
        }
    }

    private static Map<String, Long> byCampaign(CarrierTrafficEngine e) {
        Map<String, Long> out = new TreeMap<>();
        e.totals(e.windowStart(), e.databaseNow().plusMinutes(6), Dimension.CARRIER_CAMPAIGN, java.util.List.of())
                .forEach((k, m) -> out.put(k.carrierId() + "/" + k.campaign(), m.attempts()));
        return out;
    }

    private static Map<String, Long> carriers(Map<String, Long> byCampaign) {
        Map<String, Long> out = new TreeMap<>();
        byCampaign.forEach((k, n) -> out.merge(k.substring(0, k.indexOf('/')), n, Long::sum));
        return out;
    }
}
