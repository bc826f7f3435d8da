package trunkops.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.health.ClusterAccess;
import trunkops.health.PjsipLagThresholds;

/**
 * The console's LAGGED thresholds for a cluster's PJSIP trunks, from its profile file: {@code pjsip.lagged.ms}
 * (every carrier, default 2000) and {@code pjsip.lagged.ms.<carrier_id>} (one carrier). The lab and a cluster
 * without such keys get the default; a bad value is logged and the default used.
 */
final class PjsipThresholdsWiring {

    private static final Logger LOG = LoggerFactory.getLogger(PjsipThresholdsWiring.class);

    private PjsipThresholdsWiring() {
    }

    static PjsipLagThresholds of(ClusterAccess access) {
        if (access.lab()) {
            return PjsipLagThresholds.defaults();
        }
        for (ClusterProfile p : ClusterProfile.loadAll().profiles()) {
            if (p.name().equals(access.name()) && p.source() != null) {
                Properties props = new Properties();
                try (Reader r = Files.newBufferedReader(p.source(), StandardCharsets.UTF_8)) {
                    props.load(r);
                    return PjsipLagThresholds.fromProperties(props);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("{}: PJSIP lagged thresholds not read ({}); 2000 ms for every carrier", p.source(),
                            e.getMessage());
                }
            }
        }
        return PjsipLagThresholds.defaults();
    }
}
