package trunkops.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain main class (it does not extend Application, so the classpath launch and jpackage work without
 * module tricks, see docs/adr). Headless sub-commands run here; everything else opens the console.
 */
@ConsoleOutput
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) {
        int code;
        try {
            LaunchOptions options = LaunchOptions.parse(args);
            if (!options.rest().isEmpty() && options.rest().get(0).equals("status")) {
                code = StatusCommand.run(options.rest());
            } else if (!options.rest().isEmpty() && options.rest().get(0).equals("keyring")) {
                code = KeyringCommand.run(options.rest());
            } else if (!options.rest().isEmpty() && options.rest().get(0).equals(CarrierReportCommand.NAME)) {
                code = CarrierReportCommand.run(options.rest().subList(1, options.rest().size()));
            } else if (options.labOnly()) {
                code = LabOnlyCommand.run(options);
            } else {
                TrunkOpsApp.launch(options);
                code = 0;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("trunkops: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            LOG.error("trunkops failed", e);
            System.err.println("trunkops: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }
}
