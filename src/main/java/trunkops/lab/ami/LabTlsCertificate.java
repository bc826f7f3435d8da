package trunkops.lab.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A self-signed certificate made at lab start for a dialer's TLS manager port (Asterisk's {@code tlsenable}), the
 * way an operator makes one for a real Asterisk: with the JDK's {@code keytool} (EC P-256, valid two days, names
 * {@code localhost} and {@code 127.0.0.1}). The key store's password is random, handed to keytool through its
 * environment (never on a command line) and kept only in memory.
 */
public final class LabTlsCertificate {

    private final X509Certificate certificate;
    private final SSLContext context;

    private LabTlsCertificate(X509Certificate certificate, SSLContext context) {
        this.certificate = certificate;
        this.context = context;
    }

    /** Generates a new key pair and certificate for {@code commonName}; takes about a second (keytool). */
    public static LabTlsCertificate generate(String commonName) throws IOException {
        Path dir = Files.createTempDirectory("trunkops-lab-tls");
        Path store = dir.resolve("ami.p12");
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw).toCharArray();
        try {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "ami", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=" + commonName.replace(",", "_"),
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:env", "TRUNKOPS_LAB_KS", "-keypass:env", "TRUNKOPS_LAB_KS"));
            pb.environment().put("TRUNKOPS_LAB_KS", new String(password));
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool could not make the lab's AMI certificate: " + out.strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new LabTlsCertificate((X509Certificate) ks.getCertificate("ami"), ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the lab's AMI certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("the lab's AMI certificate could not be loaded: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    public SSLServerSocketFactory serverSocketFactory() {
        return context.getServerSocketFactory();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM, as an operator would copy it from the dialer ({@code ami.tls.trust} can name it). */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the certificate, {@code AB:CD:...}, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String sha256Fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            String hex = HexFormat.of().formatHex(d).toUpperCase(Locale.ROOT);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 2) {
                sb.append(i == 0 ? "" : ":").append(hex, i, i + 2);
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
