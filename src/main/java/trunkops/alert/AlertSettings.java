package trunkops.alert;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The alert settings kept in a file ({@code ~/.config/trunkops/alerts.properties}): desktop notifications on or off,
 * where the webhook address is ({@code keyring}, {@code session} = asked each session, {@code none}) and its display
 * form ({@code https://host/…}). Never the address itself: a webhook address carries its token, so it is a secret
 * and lives in the OS keyring. A file holding a {@code webhook.url} key is read without it.
 */
public record AlertSettings(boolean desktop, String webhook, String webhookDisplay) {

    public static final AlertSettings DEFAULTS = new AlertSettings(true, "none", "");

    public static AlertSettings load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return DEFAULTS;
        }
        if (p.containsKey("webhook.url")) {
            org.slf4j.LoggerFactory.getLogger(AlertSettings.class).warn("{}: 'webhook.url' ignored: a webhook address"
                    + " is a secret and is kept in the OS keyring (Alerts tab, Save webhook)", file);
        }
        String where = p.getProperty("webhook", "none");
        return new AlertSettings(!"false".equalsIgnoreCase(p.getProperty("desktop", "true")),
                where.equals("keyring") || where.equals("session") ? where : "none",
                p.getProperty("webhook.display", ""));
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties p = new Properties();
        p.setProperty("desktop", Boolean.toString(desktop));
        p.setProperty("webhook", webhook);
        p.setProperty("webhook.display", webhookDisplay);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "TrunkOps alerts (no secrets here: the webhook address is in the OS keyring)");
        }
    }

    public AlertSettings withDesktop(boolean on) {
        return new AlertSettings(on, webhook, webhookDisplay);
    }

    public AlertSettings withWebhook(String where, String display) {
        return new AlertSettings(desktop, where, display);
    }
}
