package trunkops.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The rule that keeps a wrong secret from being sent again, without any server. */
class SessionSecretTest {

    @Test
    void aFixedSecretRefusedOnceIsNotHandedOutAgain() throws Exception {
        SessionSecret s = SessionSecret.fixed("wrong".toCharArray());
        char[] first = s.take();
        assertArrayEquals("wrong".toCharArray(), first);
        s.refused(first, "wrong password \u2014 re-enter it");
        assertTrue(s.refusedNow());
        SessionSecret.RefusedException e = assertThrows(SessionSecret.RefusedException.class, s::take);
        assertTrue(e.getMessage().startsWith("wrong password"), e.getMessage());
        assertTrue(s.takeAccepted().isEmpty(), "background reconnects get nothing either");
        s.retry();
        assertThrows(SessionSecret.RefusedException.class, s::take, "a source that cannot ask gives nothing new");
    }

    @Test
    void anAskingSourceIsAskedAgainWithTheReasonAndADeclineStopsUntilRetry() throws Exception {
        List<String> asked = new ArrayList<>();
        List<Optional<char[]>> answers = new ArrayList<>(List.of(Optional.of("one".toCharArray()), Optional.empty(),
                Optional.of("two".toCharArray())));
        SessionSecret s = new SessionSecret(refusal -> {
            asked.add(refusal);
            return answers.remove(0);
        });
        char[] one = s.take();
        s.refused(one, "wrong password");
        assertThrows(SessionSecret.RefusedException.class, s::take, "the operator cancelled");
        assertThrows(SessionSecret.RefusedException.class, s::take, "and is not asked again by itself");
        assertEquals(2, asked.size());
        s.retry();
        char[] two = s.take();
        assertArrayEquals("two".toCharArray(), two);
        s.accepted(two);
        assertArrayEquals("two".toCharArray(), s.takeAccepted().orElseThrow());
        assertNull(asked.get(0));
        assertEquals("wrong password", asked.get(1));
        assertEquals("wrong password", asked.get(2), "the reason stays until a secret is accepted");
    }

    @Test
    void anUntestedSecretIsInOneLoginAtATime() throws Exception {
        SessionSecret s = SessionSecret.fixed("pw".toCharArray());
        char[] first = s.take();
        CompletableFuture<char[]> second = CompletableFuture.supplyAsync(() -> {
            try {
                return s.take();
            } catch (SessionSecret.RefusedException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(java.util.concurrent.TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS),
                "the second login waits for the first one's outcome");
        s.refused(first, "wrong password");
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> second.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getCause() instanceof SessionSecret.RefusedException, e.toString());
    }

    @Test
    void anAcceptedSecretServesConcurrentLogins() throws Exception {
        SessionSecret s = SessionSecret.fixed("pw".toCharArray());
        char[] first = s.take();
        s.accepted(first);
        char[] a = s.take();
        char[] b = s.take(); // does not wait: the secret is known to work
        assertArrayEquals(a, b);
        s.undecided(a);
        s.undecided(b);
        assertFalse(s.refusedNow());
    }
}
