package trunkops.ami;

import java.util.function.Supplier;

/**
 * A secret that a person can be asked for again (the console's dialog). When a dialer refuses it, the gateway says
 * so through {@link #refused}; if the next {@link #get()} will ask the operator instead of returning the same
 * secret, the gateway tries again at once (every attempt then waits for a human, so nothing is hammered);
 * otherwise it waits minutes. Plain suppliers (an environment variable, the keyring, the CLI) are never re-asked.
 */
public interface RefusableSecret extends Supplier<char[]> {

    /**
     * The dialer refused {@code secret} (a copy the caller zeroes afterwards). Returns true when the next
     * {@link #get()} asks the operator (or returns a secret entered since), false when it would return the same.
     */
    boolean refused(char[] secret);
}
