package trunkops.control;

import java.util.concurrent.CompletableFuture;

/**
 * Sends validated actions to the dialers over AMI: {@code DBPut}/{@code DBDel} of the ASTDB key, then {@code DBGet}
 * to read it back, on every dialer the request names, in parallel, each with its own timeout. The future never
 * fails: a dialer that is down or hung is an {@link DialerOutcome.Status#UNREACHABLE} outcome, the others still
 * apply. Journaling (before send, after result) is the implementation's job.
 */
public interface TrunkControl {

    CompletableFuture<ControlResult> apply(ControlRequest request);
}
