package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials in a JDBC URL are refused in every spelling, named, never echoed. */
class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:mariadb://10.0.0.5:3306/asterisk?password=Hunter2x9      | 'password'",
        "jdbc:mariadb://10.0.0.5/asterisk?useSsl=false&password=Hunter2x9 | 'password'",
        "jdbc:mariadb://10.0.0.5/asterisk?PASSWORD=Hunter2x9           | 'PASSWORD'",
        "jdbc:mariadb://10.0.0.5/asterisk?pwd=Hunter2x9                | 'pwd'",
        "jdbc:mysql://10.0.0.5/asterisk?user=ro&passwd=Hunter2x9       | 'passwd'",
        "jdbc:mariadb://10.0.0.5/asterisk?keyStorePassword=Hunter2x9   | 'keyStorePassword'",
        "jdbc:mariadb://10.0.0.5/asterisk?pass%77ord=Hunter2x9         | 'password'",
        "jdbc:mariadb://10.0.0.5/asterisk;password=Hunter2x9           | 'password'",
        "jdbc:mariadb://ro:Hunter2x9@10.0.0.5:3306/asterisk            | user:password@host",
        "jdbc:mysql://ro:Hunter2x9@10.0.0.5/asterisk?useSsl=false      | user:password@host",
    })
    void credentialsAreRefusedByNameWithoutTheirValue(String url, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcUrls.refuseCredentials(url, "--jdbc"));
        assertTrue(e.getMessage().startsWith("--jdbc holds "), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertFalse(e.getMessage().contains("Hunter2x9"), "the value is never echoed: " + e.getMessage());
    }

    @Test
    void urlsWithoutCredentialsPass() {
        assertDoesNotThrow(() -> JdbcUrls.refuseCredentials("jdbc:mariadb://10.0.0.5:3306/asterisk", "x"));
        assertDoesNotThrow(() -> JdbcUrls.refuseCredentials(
                "jdbc:mariadb://10.0.0.5/asterisk?connectTimeout=5000&useCompression=true", "x"));
        assertDoesNotThrow(() -> JdbcUrls.refuseCredentials("jdbc:mariadb://[::1]:3306/asterisk", "x"));
    }

    @Test
    void theDatabaseRefusesThemTooWhateverTheCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Database(
                Database.Settings.of("jdbc:mariadb://127.0.0.1:1/asterisk?password=Hunter2x9", "ro"),
                "other".toCharArray()));
        assertFalse(e.getMessage().contains("Hunter2x9"), e.getMessage());
    }
}
