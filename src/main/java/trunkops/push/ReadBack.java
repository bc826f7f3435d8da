package trunkops.push;

import java.util.Optional;

/** One dialer read back over AMI against the row it should generate: the dialplan, then the row's peers. */
final class ReadBack {

    private ReadBack() {
    }

    /** Empty when the dialer runs {@code want} (and nothing only {@code replaced} had); otherwise what is wrong. */
    static Optional<String> check(DialplanReader reader, String route, PushStore.Dialer d, Optional<RouterRow> want,
                                  Optional<RouterRow> replaced) throws PushException {
        Optional<String> bad = Verifier.check(reader.show(d.serverId(), Verifier.CONTEXT), route, want, replaced);
        return bad.isPresent() ? bad : PeerText.check(want, replaced, p -> reader.showPeer(d.serverId(), p));
    }
}
