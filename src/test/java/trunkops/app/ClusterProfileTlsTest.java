package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.ami.AmiTls;

/** The AMI-over-TLS keys of a cluster profile: off by default, a trust is required, bad values are named. */
class ClusterProfileTlsTest {

    private static final String BASE = "jdbc.url=jdbc:mariadb://db1/asterisk\ndb.user=cron\nami.user=noc\n";

    @TempDir
    Path dir;

    private ClusterProfile read(String extra) throws IOException {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, BASE + extra);
        return ClusterProfile.read(f);
    }

    @Test
    void plainUnlessAsked() throws IOException {
        assertNull(read("").amiTls());
        assertNull(read("ami.tls=false\n").amiTls());
    }

    @Test
    void aPinAndTheDefaultPort() throws IOException {
        AmiTls tls = read("ami.tls=true\nami.tls.trust=sha256:" + "ab:".repeat(31) + "ab\n").amiTls();
        assertEquals(AmiTls.DEFAULT_PORT, tls.port());
        assertEquals("AB:".repeat(31) + "AB", tls.sha256Pin());
    }

    @Test
    void aPemFileRelativeToTheProfile() throws IOException {
        AmiTls tls = read("ami.tls=true\nami.tls.port=15039\nami.tls.trust=dialers.pem\n").amiTls();
        assertEquals(15039, tls.port());
        assertEquals(dir.resolve("dialers.pem").toAbsolutePath(), tls.caFile());
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        assertTrue(assertThrows(IOException.class, () -> read("ami.tls=true\n")).getMessage()
                .contains("ami.tls.trust"));
        assertTrue(assertThrows(IOException.class, () -> read("ami.tls=yes\nami.tls.trust=x.pem\n")).getMessage()
                .contains("true or false"));
        assertTrue(assertThrows(IOException.class, () -> read("ami.tls=true\nami.tls.port=x\nami.tls.trust=a.pem\n"))
                .getMessage().contains("ami.tls.port"));
        assertTrue(assertThrows(IOException.class, () -> read("ami.tls=true\nami.tls.trust=sha256:ab\n"))
                .getMessage().contains("64 hex digits"));
    }
}
