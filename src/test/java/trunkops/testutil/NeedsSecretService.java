package trunkops.testutil;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (class or method) that runs against a real {@link PrivateKeyring}. On a developer's machine without
 * the Secret Service programs it is skipped, with the reason and the packages to install; where {@code CI} is set
 * it always runs, so a CI machine that lacks them fails instead of skipping silently ({@link SecretServiceCondition}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SecretServiceCondition.class)
public @interface NeedsSecretService {
}
