package trunkops.app;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Lets tests in other packages run the command with their own environment and streams. */
public final class CarrierReportCommandAccess {

    private CarrierReportCommandAccess() {
    }

    public static int run(List<String> args, Function<String, String> env, PrintStream out, PrintStream err) {
        return CarrierReportCommand.run(args, env, out, err);
    }
}
