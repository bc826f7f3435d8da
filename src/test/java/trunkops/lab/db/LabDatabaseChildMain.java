package trunkops.lab.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link LabDatabaseShutdownTest}: starts a lab database, reports its port, then waits for
 * stdin to close. It never calls close(): what stops mariadbd is whatever runs when this JVM is terminated.
 */
public final class LabDatabaseChildMain {

    private LabDatabaseChildMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LabDatabase db = LabDatabase.startIn(Path.of(args[0]));
        out.println("PORT " + db.port());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                out.println("still here");
            }
        }
    }
}
