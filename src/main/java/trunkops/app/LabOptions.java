package trunkops.app;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The embedded lab's options, shared by the console and {@code lab} / {@code --lab-only}. */
final class LabOptions {

    @Option(names = "--lab-speed", paramLabel = "<x>", defaultValue = "1.0",
            description = "Run lab time x times faster (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--lab-traffic", paramLabel = "<x>", defaultValue = "1.0",
            description = "Scale the lab's campaign call rates (0 = no calls; default ${DEFAULT-VALUE}).")
    double traffic;

    @Option(names = "--no-lab-traffic", description = "No campaign calls in the lab (as --lab-traffic=0).")
    boolean noTraffic;

    @Option(names = "--no-lab-history", description = "Do not seed 24 h of call history into the lab database.")
    boolean noHistory;

    @Option(names = "--lab-run", paramLabel = "<command>", converter = Cli.PlusAsSpace.class,
            description = {"A lab command to run at start (repeatable), e.g. \"at 20 kill orbit-west\";",
                    "through Maven write + for spaces: --lab-run=at+20+kill+orbit-west."})
    List<String> run = new ArrayList<>();

    double effectiveTraffic() {
        return noTraffic ? 0 : traffic;
    }
}
