package trunkops.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trunkops} without a command: the console (on the first configured cluster, else the embedded lab).
 * {@code --lab-only} runs the lab without a window (as {@code trunkops lab}).
 */
@Command(name = "trunkops", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Operations console for ViciDial clusters: trunk states from every dialer's AMI, carrier"
                + " results from ViciDial's database.", "Without a command it opens the console (on the embedded lab"
                + " when no cluster is configured in ~/.config/trunkops/)."},
        commandListHeading = "%nCommands (trunkops <command> --help for each):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or help/version shown)",
                "1:failed: no display, the dialer, database or keyring could not be used",
                "2:bad arguments: unknown command or option, bad value"},
        footer = {"", "Log lines go to ${sys:trunkops.log.file:-~/.local/state/trunkops/log/trunkops.log}"
                + " ($XDG_STATE_HOME/trunkops/log), and also to stderr with --verbose."})
final class TrunkOpsCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    private LabOptions lab;

    @Mixin
    private CommonOptions common;

    @Option(names = "--lab-only", description = "Run the lab without a window (as 'trunkops lab').")
    private boolean labOnly;

    @Option(names = "--cluster", paramLabel = "<name>", converter = Cli.PlusAsSpace.class,
            description = "The cluster to open first (a profile's name, or 'lab'; + stands for a space).")
    private String cluster;

    @Option(names = "--screenshot", paramLabel = "<png>", description = "Write a picture of the window to <png>.")
    private String screenshot;

    @Option(names = "--screenshot-delay", paramLabel = "<ms>", defaultValue = "0",
            description = "Wait that long after the data is shown before the screenshot.")
    private long screenshotDelayMs;

    @Option(names = "--screenshot-tab", paramLabel = "<n|name>", defaultValue = "1",
            description = "The tab to show for the screenshot: its number (1 = board, as Ctrl+n) or its name "
                    + "(e.g. Alerts, Drills; + stands for a space); waits until the tab exists.")
    private String screenshotTab;

    @Option(names = "--exit-after", paramLabel = "<ms>", defaultValue = "0",
            description = "Close the console after that many milliseconds.")
    private long exitAfterMs;

    @Option(names = "--wall", description = "Open as a wall display: full screen, larger type (F11 toggles it).")
    private boolean wall;

    TrunkOpsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (labOnly) {
            return LabOnlyCommand.run(LaunchOptions.ofLab(lab), ctx.out());
        }
        String noDisplay = noDisplay();
        if (noDisplay != null) {
            ctx.err().println("trunkops: cannot open the console: " + noDisplay + "; run it in a desktop session"
                    + " or under 'xvfb-run -a', or use a command (trunkops --help)");
            return Cli.FAILED;
        }
        TrunkOpsApp.launch(options());
        return Cli.OK;
    }

    /** The parsed options as the console takes them. */
    LaunchOptions options() {
        LaunchOptions base = LaunchOptions.ofLab(lab);
        return new LaunchOptions(base.labSpeed(), base.labTraffic(), base.labHistory(), screenshot, screenshotDelayMs,
                exitAfterMs, base.labRun(), cluster, screenshotTab, wall);
    }

    /** Why no window can open here (Linux without X11 or Wayland, and no Monocle), or null. */
    static String noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (!linux || "Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        String x = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (x == null || x.isBlank()) && (wayland == null || wayland.isBlank())
                ? "no display (DISPLAY is not set)" : null;
    }
}
