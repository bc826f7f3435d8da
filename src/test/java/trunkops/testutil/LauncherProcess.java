package trunkops.testutil;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real launcher ({@code trunkops.app.Launcher}) in its own JVM as a user would: main classes and
 * dependencies only (so the production logback.xml, not logback-test.xml), no display, a POSIX locale and a Latin-1
 * platform encoding, and its own XDG state directory (where the log file goes).
 */
public final class LauncherProcess {

    /** Exit code, stdout and stderr (decoded as UTF-8, malformed bytes replaced). */
    public record Result(int code, String out, String err) {
    }

    private LauncherProcess() {
    }

    public static Result run(Path state, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=ISO-8859-1", "-Dsun.stdout.encoding=ISO-8859-1", "-Dsun.stderr.encoding=ISO-8859-1",
                "-cp", cp, "trunkops.app.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("LANG", "C");
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.environment().putAll(env);
        Files.createDirectories(state);
        Path out = Files.createTempFile(state, "stdout", ".txt");
        Path err = Files.createTempFile(state, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the launcher did not end within 120 s: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                withoutJvmNotices(new String(Files.readAllBytes(err), StandardCharsets.UTF_8)));
    }

    /**
     * stderr without the JVM's own "Picked up JAVA_TOOL_OPTIONS: ..." line (printed by the JVM, not the launcher,
     * whenever the variable is set, as .ci/run does when the checkout lies under the JVM's temp directory).
     */
    static String withoutJvmNotices(String err) {
        return err.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS:")
                && !l.startsWith("Picked up _JAVA_OPTIONS:") && !l.startsWith("Picked up JDK_JAVA_OPTIONS:"))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }
}
