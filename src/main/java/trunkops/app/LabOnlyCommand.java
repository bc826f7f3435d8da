package trunkops.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabCluster;
import trunkops.lab.LabCommands;

/**
 * {@code --lab-only}: starts the lab without a window, prints one line per simulated dialer
 * ({@code ami <server> <host>:<port> <user> <secret>}) and one for the database
 * ({@code jdbc <url> <user> <password>}), then runs until killed. Lines typed on stdin are lab commands
 * ({@code help} lists them). These credentials exist only inside this lab run.
 */
@ConsoleOutput
final class LabOnlyCommand {

    private static final Logger LOG = LoggerFactory.getLogger(LabOnlyCommand.class);

    private LabOnlyCommand() {
    }

    static int run(LaunchOptions options) throws IOException, InterruptedException {
        PrintStream out = System.out;
        LabRun run = LabRun.start(options, msg -> LOG.info("lab: {}", msg));   // until killed: SIGTERM cleans up
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
            LOG.debug("lab stdin closed: {}", e.toString());
        }
        // stdin closed (e.g. started in the background): keep running until killed
    }
}
