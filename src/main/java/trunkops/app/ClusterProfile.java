package trunkops.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A configured cluster: {@code ~/.config/trunkops/cluster.properties} with {@code name}, {@code jdbc.url},
 * {@code db.user} and {@code ami.user}. No secrets: a file holding {@code password} or {@code secret} keys is
 * refused, and the passwords are asked for each session.
 */
public record ClusterProfile(String name, String jdbcUrl, String dbUser, String amiUser) {

    public static Path file() {
        return AppPaths.configDir().resolve("cluster.properties");
    }

    /** The configured cluster, or empty when none is configured (the console then opens on the lab). */
    public static Optional<ClusterProfile> load() throws IOException {
        Path f = file();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            String k = key.toLowerCase(java.util.Locale.ROOT);
            if (k.contains("password") || k.contains("secret")) {
                throw new IOException(f + " holds '" + key + "': secrets never go in files; remove it (the console"
                        + " asks for passwords each session)");
            }
        }
        String url = required(p, "jdbc.url", f);
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new IOException(f + ": jdbc.url must start with jdbc:mariadb:// (got '" + url + "')");
        }
        return Optional.of(new ClusterProfile(p.getProperty("name", "Cluster"), url, required(p, "db.user", f),
                required(p, "ami.user", f)));
    }

    private static String required(Properties p, String key, Path f) throws IOException {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            throw new IOException(f + " lacks '" + key + "'");
        }
        return v;
    }
}
