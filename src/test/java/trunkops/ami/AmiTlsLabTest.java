package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.lab.FixtureLab;
import trunkops.lab.ami.LabTlsCertificate;

/**
 * AMI over TLS against a lab dialer whose TLS manager port has a self-signed certificate made at start: refused
 * (before any secret is sent) with the certificate's fingerprint in the error until the certificate is trusted,
 * by its SHA-256 pin or by its PEM file, then the link works.
 */
class AmiTlsLabTest {

    private FixtureLab lab;
    private LabTlsCertificate cert;
    private ScheduledExecutorService scheduler;
    private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        lab = new FixtureLab(10.0);
        assertTrue(lab.awaitPeer("trunk1", "OK", Duration.ofSeconds(5)));
        cert = lab.ami.startTls(0);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        lab.close();
    }

    private AmiGateway gateway(AmiTls tls) {
        AmiTarget target = new AmiTarget("tls-lab", "127.0.0.1", lab.ami.tlsPort(), FixtureLab.USER, tls);
        AmiGateway g = new AmiGateway(target, FixtureLab.SECRET::toCharArray, new AmiGatewayListener() {
            @Override
            public void linkChanged(AmiLinkStatus status) {
                seen.add(status);
            }

            @Override
            public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
                seen.add(peers);
            }

            @Override
            public void peerStatus(String serverId, trunkops.topology.Tech tech, String peer, String status,
                                   Integer timeMs, long atMillis) {
            }
        }, scheduler, new AmiGateway.Settings(4_000, 1_000, 5_000, 200, 1_000, 10_000, 0));
        g.start();
        return g;
    }

    private Object next(java.util.function.Predicate<Object> wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Object o = seen.poll(100, TimeUnit.MILLISECONDS);
            if (o != null && wanted.test(o)) {
                return o;
            }
        }
        throw new AssertionError("timed out");
    }

    @Test
    void anUntrustedCertificateIsRefusedWithItsFingerprintThenItsPinIsTrusted() throws Exception {
        String other = "sha256:" + "00:".repeat(31) + "00";
        try (AmiGateway g = gateway(AmiTls.of(lab.ami.tlsPort(), other))) {
            AmiLinkStatus refused = (AmiLinkStatus) next(o -> o instanceof AmiLinkStatus s
                    && s.state() == AmiLinkState.DOWN);
            assertTrue(refused.message().contains(cert.sha256Fingerprint()), refused.message());
            assertTrue(refused.message().contains("not trusted"), refused.message());
            assertFalse(lab.ami.sessions().stream().anyMatch(s -> s.authenticated()), "no login over an untrusted link");
        }
        seen.clear();
        try (AmiGateway g = gateway(AmiTls.of(lab.ami.tlsPort(), "sha256:" + cert.sha256Fingerprint()))) {
            next(o -> o instanceof AmiLinkStatus s && s.state() == AmiLinkState.CONNECTED);
            List<?> peers = (List<?>) next(o -> o instanceof List<?> l && !l.isEmpty());
            assertEquals(2, peers.size());
        }
    }

    @Test
    void thePemFileOfTheServerCertificateIsTrustedAndTheHostNameChecked() throws Exception {
        Path pem = dir.resolve("dialer.pem");
        Files.writeString(pem, cert.pem(), StandardCharsets.US_ASCII);
        try (AmiGateway g = gateway(AmiTls.of(lab.ami.tlsPort(), pem.toString()))) {
            next(o -> o instanceof AmiLinkStatus s && s.state() == AmiLinkState.CONNECTED);
            next(o -> o instanceof List<?> l && !l.isEmpty());
        }
    }

    @Test
    void aPemFileOfAnotherCertificateIsRefused() throws Exception {
        LabTlsCertificate stranger = LabTlsCertificate.generate("someone else");
        Path pem = dir.resolve("other.pem");
        Files.writeString(pem, stranger.pem(), StandardCharsets.US_ASCII);
        try (AmiGateway g = gateway(AmiTls.of(lab.ami.tlsPort(), pem.toString()))) {
            AmiLinkStatus refused = (AmiLinkStatus) next(o -> o instanceof AmiLinkStatus s
                    && s.state() == AmiLinkState.DOWN);
            assertTrue(refused.message().contains(cert.sha256Fingerprint()), refused.message());
        }
    }

    @Test
    void trustIsAPinOrAFileNeverNothing() {
        assertThrows(IllegalArgumentException.class, () -> AmiTls.of(5039, "sha256:abcd"));
        assertThrows(IllegalArgumentException.class, () -> new AmiTls(5039, null, null));
        assertEquals(AmiTls.normalise("ab".repeat(32)), AmiTls.of(5039, "AB".repeat(32)).sha256Pin());
    }
}
