package trunkops.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * AMI over TLS (Asterisk's {@code tlsenable}, port 5039 by default), trusting either the certificates of a PEM file
 * (a CA, or the server's own self-signed certificate; the host name is then checked too) or exactly one server
 * certificate given by its SHA-256 fingerprint. There is no trust-all: an untrusted server is refused with an error
 * that names its certificate's fingerprint, so the operator can check it and pin it.
 */
public record AmiTls(int port, Path caFile, String sha256Pin) {

    public static final int DEFAULT_PORT = 5039;

    public AmiTls {
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("AMI TLS port out of range: " + port);
        }
        if ((caFile == null) == (sha256Pin == null)) {
            throw new IllegalArgumentException("AMI TLS needs exactly one trust: a PEM file or a SHA-256 fingerprint");
        }
        if (sha256Pin != null) {
            sha256Pin = normalise(sha256Pin);
        }
    }

    /**
     * From a profile's {@code ami.tls.trust}: {@code sha256:AB:CD:...} (or 64 hex digits) pins one certificate;
     * anything else is the path of a PEM file.
     */
    public static AmiTls of(int port, String trust) {
        Objects.requireNonNull(trust, "ami.tls.trust");
        String t = trust.strip();
        String hex = t.toLowerCase(Locale.ROOT).startsWith("sha256:") ? t.substring(7) : t;
        if (hex.replace(":", "").matches("[0-9A-Fa-f]{64}")) {
            return new AmiTls(port, null, hex);
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            throw new IllegalArgumentException("ami.tls.trust: a SHA-256 fingerprint has 64 hex digits (got '" + t + "')");
        }
        return new AmiTls(port, Path.of(t), null);
    }

    /** The host name is checked against the certificate only when trusting through a PEM file, not for a pin. */
    boolean checksHostName() {
        return caFile != null;
    }

    SSLContext context() throws IOException {
        try {
            X509TrustManager tm = sha256Pin != null ? new PinnedTrust(sha256Pin) : new NamedTrust(caTrust(caFile));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("AMI TLS could not be set up: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager caTrust(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IOException("ami.tls.trust: cannot read the PEM file " + pem + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IOException("ami.tls.trust: " + pem + " holds no certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ami-trust-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    static String normalise(String fingerprint) {
        String hex = fingerprint.replace(":", "").toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            sb.append(i == 0 ? "" : ":").append(hex, i, Math.min(i + 2, hex.length()));
        }
        return sb.toString();
    }

    /** {@code AB:CD:...}: the SHA-256 of the certificate's DER encoding, as {@code openssl x509 -fingerprint} prints. */
    public static String fingerprint(X509Certificate cert) throws CertificateException {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return normalise(java.util.HexFormat.of().formatHex(d));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    static CertificateException untrusted(X509Certificate[] chain, String why) throws CertificateException {
        X509Certificate leaf = chain[0];
        return new CertificateException("AMI server certificate not trusted (" + why + "): "
                + leaf.getSubjectX500Principal().getName() + ", SHA-256 fingerprint " + fingerprint(leaf)
                + "; if that is your dialer's certificate, set ami.tls.trust=sha256:" + fingerprint(leaf)
                + " or point ami.tls.trust at the PEM file of the CA that signed it");
    }

    /** Trusts exactly the certificate with the pinned fingerprint (and only while it is valid). */
    private record PinnedTrust(String pin) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("AMI server sent no certificate");
            }
            if (!fingerprint(chain[0]).equals(pin)) {
                throw untrusted(chain, "it is not the pinned certificate " + pin);
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The PKIX check against the PEM file's certificates, with the server certificate's fingerprint in the error. */
    private record NamedTrust(X509TrustManager delegate) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw untrusted(chain, e.getMessage());
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
