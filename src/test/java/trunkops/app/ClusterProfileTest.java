package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterProfileTest {

    @TempDir
    Path config;

    private void write(String relative, String text) throws IOException {
        Path f = config.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void noFilesMeansNoProfilesAndTheLab() {
        ClusterProfile.Catalog c = ClusterProfile.loadAll(config);
        assertTrue(c.isEmpty());
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void theSingleFileAndTheDirectoryAreReadSortedByName() throws IOException {
        write("cluster.properties", "name = Production east\njdbc.url = jdbc:mariadb://10.0.0.5:3306/asterisk\n"
                + "db.user = trunkops_ro\nami.user = trunkops\n");
        write("clusters/west.properties", "jdbc.url = jdbc:mariadb://10.1.0.5/asterisk\ndb.user = ro\n"
                + "ami.user = noc\n");
        write("clusters/apac.properties", "name = APAC\njdbc.url = jdbc:mysql://10.2.0.5/asterisk\ndb.user = ro\n"
                + "ami.user = noc\n");
        write("clusters/notes.txt", "not a profile");
        ClusterProfile.Catalog c = ClusterProfile.loadAll(config);
        assertEquals(List.of("APAC", "Production east", "west"), c.profiles().stream().map(ClusterProfile::name)
                .toList(), "a profile without a name is named after its file");
        assertEquals("trunkops_ro", c.profiles().get(1).dbUser());
        assertTrue(c.problems().isEmpty(), c.problems().toString());
    }

    @Test
    void aBadFileIsNamedAndTheOthersStillLoad() throws IOException {
        write("clusters/a.properties", "name = A\njdbc.url = jdbc:mariadb://h/asterisk\ndb.user = u\nami.user = a\n"
                + "db.password = hunter2\n");
        write("clusters/b.properties", "name = B\njdbc.url = postgres://h/db\ndb.user = u\nami.user = a\n");
        write("clusters/c.properties", "name = C\njdbc.url = jdbc:mariadb://h/asterisk\nami.user = a\n");
        write("clusters/d.properties", "name = D\njdbc.url = jdbc:mariadb://h/asterisk\ndb.user = u\nami.user = a\n");
        write("clusters/e.properties", "name = d\njdbc.url = jdbc:mariadb://h2/asterisk\ndb.user = u\nami.user = a\n");
        ClusterProfile.Catalog c = ClusterProfile.loadAll(config);
        assertEquals(List.of("D"), c.profiles().stream().map(ClusterProfile::name).toList());
        String all = String.join("\n", c.problems());
        assertEquals(4, c.problems().size(), all);
        assertTrue(all.contains("a.properties holds 'db.password': secrets never go in files"), all);
        assertTrue(all.contains("jdbc.url must start with jdbc:mariadb://"), all);
        assertTrue(all.contains("c.properties lacks 'db.user'"), all);
        assertTrue(all.contains("another profile is already named 'd'"), all);
        assertTrue(!all.contains("hunter2"), "the secret found in a file is not repeated");
    }

    @Test
    void aPasswordInTheJdbcUrlIsRefusedAndNamedNotEchoed() throws IOException {
        write("clusters/a.properties", "name = A\njdbc.url = jdbc:mariadb://h/asterisk?password=Hunter2x9\n"
                + "db.user = u\nami.user = a\n");
        write("clusters/b.properties", "name = B\njdbc.url = jdbc:mariadb://u:Hunter2x9@h/asterisk\n"
                + "db.user = u\nami.user = a\n");
        write("clusters/c.properties", "name = C\njdbc.url = jdbc:mariadb://h/asterisk?pwd=Hunter2x9\n"
                + "db.user = u\nami.user = a\n");
        write("clusters/d.properties", "name = D\njdbc.url = jdbc:mariadb://h/asterisk\ndb.user = u\nami.user = a\n");
        ClusterProfile.Catalog c = ClusterProfile.loadAll(config);
        assertEquals(List.of("D"), c.profiles().stream().map(ClusterProfile::name).toList());
        String all = String.join("\n", c.problems());
        assertEquals(3, c.problems().size(), all);
        assertTrue(all.contains("a.properties: jdbc.url holds the parameter 'password'"), all);
        assertTrue(all.contains("b.properties: jdbc.url holds credentials before '@' (user:password@host)"), all);
        assertTrue(all.contains("c.properties: jdbc.url holds the parameter 'pwd'"), all);
        assertTrue(!all.contains("Hunter2x9"), "the secret found in the URL is not repeated");
    }
}
