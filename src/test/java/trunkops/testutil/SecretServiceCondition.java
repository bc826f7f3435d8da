package trunkops.testutil;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides whether a {@link NeedsSecretService} test runs. The README promises that {@code mvn -B verify} needs only
 * Java and Maven, while a private GNOME Keyring needs three Debian packages; so the keyring tests are skipped, with a
 * reason naming them, only when a program is missing <em>and</em> the build is not CI. With {@code CI} set (any value
 * but {@code false}/{@code 0}, as GitHub, GitLab and {@code .ci/run} set it) they run and
 * {@link PrivateKeyring#start} fails on the missing program: CI cannot pass without having run them.
 */
public final class SecretServiceCondition implements ExecutionCondition {

    /** The programs {@link PrivateKeyring} and {@code Keyring} run, and the Debian package of each. */
    static final List<Program> PROGRAMS = List.of(
            new Program("dbus-daemon", "dbus"),
            new Program("dbus-send", "dbus"),
            new Program("gnome-keyring-daemon", "gnome-keyring"),
            new Program("secret-tool", "libsecret-tools"));

    record Program(String name, String debianPackage) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(missing(SecretServiceCondition::onPath), System.getenv("CI"));
    }

    static ConditionEvaluationResult decide(List<Program> missing, String ciVariable) {
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the Secret Service programs are installed");
        }
        if (isCi(ciVariable)) {
            return ConditionEvaluationResult.enabled("CI=" + ciVariable + ": the keyring tests must run here and fail"
                    + " without " + names(missing));
        }
        return ConditionEvaluationResult.disabled("no " + names(missing) + " on PATH, and CI is not set: skipped"
                + " the tests against a real OS keyring (apt-get install --no-install-recommends "
                + packages(missing) + " to run them; CI always runs them)");
    }

    static boolean isCi(String ciVariable) {
        if (ciVariable == null || ciVariable.isBlank()) {
            return false;
        }
        String v = ciVariable.strip().toLowerCase(Locale.ROOT);
        return !v.equals("false") && !v.equals("0");
    }

    /** The programs not found; the test environment's PATH decides, as it does for {@link ProcessBuilder}. */
    static List<Program> missing(Predicate<String> found) {
        return PROGRAMS.stream().filter(p -> !found.test(p.name())).toList();
    }

    static String names(List<Program> programs) {
        return String.join(", ", programs.stream().map(Program::name).toList());
    }

    static String packages(List<Program> programs) {
        return String.join(" ", programs.stream().map(Program::debianPackage).distinct().toList());
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
