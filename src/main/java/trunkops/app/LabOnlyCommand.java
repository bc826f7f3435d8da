package trunkops.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import trunkops.lab.LabCluster;
import trunkops.lab.LabCommands;

/**
 * {@code lab} (or {@code --lab-only}): starts the lab without a window, prints one line per simulated dialer
 * ({@code ami <server> <host>:<port> <user> <secret>}) and one for the database
 * ({@code jdbc <url> <user> <password>}), then runs until killed. Lines typed on stdin are lab commands
 * ({@code help} lists them). These credentials exist only inside this lab run.
 */
@ConsoleOutput
@Command(name = "lab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"Start the embedded lab without a window (also: trunkops --lab-only).",
                "Prints one line per simulated dialer, 'ami <server> <host>:<port> <user> <secret>', and one for the"
                + " database, 'jdbc <url> <user> <password>', then runs until killed; lines on stdin are lab"
                + " commands ('help' lists them)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the lab could not start", "2:bad arguments"})
final class LabOnlyCommand implements Callable<Integer> {

    /** Looked up when the lab runs: help and argument errors never start logging (faster, nothing to write). */
    private static Logger log() {
        return LoggerFactory.getLogger(LabOnlyCommand.class);
    }

    private final CliContext ctx;

    @Mixin
    private LabOptions labOptions;

    @Mixin
    private CommonOptions common;

    LabOnlyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        return run(LaunchOptions.ofLab(labOptions), ctx.out());
    }

    static int run(LaunchOptions options, PrintStream out) throws IOException, InterruptedException {
        LabRun run = LabRun.start(options, msg -> log().info("lab: {}", msg));   // until killed: SIGTERM cleans up
        LabCluster lab = run.lab();
        for (LabCluster.AmiAccess a : lab.amiAccess()) {
            out.println("ami " + a.serverId() + " " + a.host() + ":" + a.port() + " " + a.user() + " " + a.secret());
        }
        LabCluster.DbAccess db = lab.dbAccess();
        out.println("jdbc " + db.jdbcUrl() + " " + db.user() + " " + db.password());
        out.flush();
        LabCommands labCommands = new LabCommands(lab);
        for (String c : options.labRun()) {
            out.println(labCommands.run(c));
        }
        Thread commands = new Thread(() -> readCommands(labCommands, out), "lab-commands");
        commands.setDaemon(true);
        commands.start();
        run.awaitClosed();
        return 0;
    }

    private static void readCommands(LabCommands commands, PrintStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String answer = commands.run(line);
                if (!answer.isEmpty()) {
                    out.println(answer);
                    out.flush();
                }
            }
        } catch (IOException e) {
            log().debug("lab stdin closed: {}", e.toString());
        }
        // stdin closed (e.g. started in the background): keep running until killed
    }
}
