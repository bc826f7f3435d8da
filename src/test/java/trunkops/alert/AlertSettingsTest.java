package trunkops.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file holds where the webhook address is and its display form, never the address itself. */
class AlertSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theFileNeverHoldsTheWebhookAddress() throws Exception {
        Path f = dir.resolve("alerts.properties");
        assertEquals(AlertSettings.DEFAULTS, AlertSettings.load(f));
        String url = "https://hooks.example.com/services/T000/B000/s3cr3tT0k3n";
        AlertSettings s = AlertSettings.DEFAULTS.withDesktop(false).withWebhook("keyring",
                WebhookUrl.display(WebhookUrl.parse(url)));
        s.save(f);
        String text = Files.readString(f);
        assertFalse(text.contains("s3cr3tT0k3n") || text.contains("services"), text);
        assertEquals(s, AlertSettings.load(f));

        Files.writeString(f, "desktop=true\nwebhook=keyring\nwebhook.url=" + url + "\n");
        AlertSettings read = AlertSettings.load(f);
        assertEquals("keyring", read.webhook());
        assertFalse(read.toString().contains("s3cr3tT0k3n"), "a url key in the file is not used");
        Files.writeString(f, "webhook=somewhere-else\n");
        assertEquals("none", AlertSettings.load(f).webhook());
    }
}
