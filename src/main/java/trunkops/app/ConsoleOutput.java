package trunkops.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that writes a headless command's output to stdout (the lab-only credentials, the status
 * table). The architecture tests allow {@code System.out} only in classes carrying this annotation; everything
 * else logs through SLF4J.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsoleOutput {
}
