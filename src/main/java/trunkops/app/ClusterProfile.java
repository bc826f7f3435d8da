package trunkops.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import trunkops.ami.AmiTls;
import trunkops.db.JdbcUrls;

/**
 * A configured cluster: a properties file with {@code name}, {@code jdbc.url}, {@code db.user} and
 * {@code ami.user} — {@code ~/.config/trunkops/cluster.properties} for a single cluster, and one file per cluster
 * in {@code ~/.config/trunkops/clusters/*.properties}. No secrets: a file holding {@code password} or
 * {@code secret} keys is refused; passwords come from the OS keyring or are asked for each session.
 * AMI over TLS: {@code ami.tls = true}, {@code ami.tls.port} (default 5039) and {@code ami.tls.trust}, the PEM file
 * of the dialers' certificate or CA (relative to the profile's directory) or {@code sha256:<fingerprint>}.
 */
public record ClusterProfile(String name, String jdbcUrl, String dbUser, String amiUser, Path source,
                             AmiTls amiTls) {

    /** Every readable profile, sorted by name, and one message per file that could not be used. */
    public record Catalog(List<ClusterProfile> profiles, List<String> problems) {
        public boolean isEmpty() {
            return profiles.isEmpty();
        }
    }

    public static Path file() {
        return AppPaths.configDir().resolve("cluster.properties");
    }

    public static Path directory() {
        return AppPaths.configDir().resolve("clusters");
    }

    /** The profiles under the user's configuration directory. */
    public static Catalog loadAll() {
        return loadAll(AppPaths.configDir());
    }

    /** The profiles under {@code configDir}: {@code cluster.properties} and {@code clusters/*.properties}. */
    public static Catalog loadAll(Path configDir) {
        List<Path> files = new ArrayList<>();
        Path single = configDir.resolve("cluster.properties");
        if (Files.isRegularFile(single)) {
            files.add(single);
        }
        List<String> problems = new ArrayList<>();
        Path dir = configDir.resolve("clusters");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.properties")) {
                List<Path> more = new ArrayList<>();
                ds.forEach(more::add);
                more.sort(Comparator.naturalOrder());
                files.addAll(more);
            } catch (IOException e) {
                problems.add(dir + " could not be listed: " + e.getMessage());
            }
        }
        List<ClusterProfile> profiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            try {
                ClusterProfile p = read(f);
                if (!names.add(p.name().toLowerCase(Locale.ROOT))) {
                    problems.add(f + ": another profile is already named '" + p.name() + "'; give each cluster its"
                            + " own name");
                    continue;
                }
                profiles.add(p);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        profiles.sort(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)));
        return new Catalog(List.copyOf(profiles), List.copyOf(problems));
    }

    /** One profile file; the message of the exception names the file and what is wrong with it. */
    static ClusterProfile read(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(f + " could not be read: " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            String k = key.toLowerCase(Locale.ROOT);
            if (k.contains("password") || k.contains("secret")) {
                throw new IOException(f + " holds '" + key + "': secrets never go in files; remove it (the console"
                        + " takes passwords from the OS keyring or asks for them each session)");
            }
        }
        String url = required(p, "jdbc.url", f);
        try {
            JdbcUrls.refuseCredentials(url, "jdbc.url");
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new IOException(f + ": jdbc.url must start with jdbc:mariadb:// (got '" + url + "')");
        }
        String defaultName = f.getFileName().toString().replaceFirst("\\.properties$", "");
        String name = p.getProperty("name", defaultName).strip();
        checkText(f, "name", name);
        String dbUser = required(p, "db.user", f);
        String amiUser = required(p, "ami.user", f);
        checkText(f, "db.user", dbUser);
        checkText(f, "ami.user", amiUser);
        return new ClusterProfile(name.isEmpty() ? defaultName : name, url, dbUser, amiUser, f, amiTls(p, f));
    }

    /** {@code ami.tls}, {@code ami.tls.port}, {@code ami.tls.trust}; null when AMI is plain TCP. */
    private static AmiTls amiTls(Properties p, Path f) throws IOException {
        String on = p.getProperty("ami.tls", "false").strip().toLowerCase(Locale.ROOT);
        if (!on.equals("true") && !on.equals("false")) {
            throw new IOException(f + ": ami.tls must be true or false (got '" + on + "')");
        }
        if (on.equals("false")) {
            return null;
        }
        String trust = required(p, "ami.tls.trust", f);
        try {
            int port = Integer.parseInt(p.getProperty("ami.tls.port", String.valueOf(AmiTls.DEFAULT_PORT)).strip());
            AmiTls tls = AmiTls.of(port, trust);
            Path dir = f.toAbsolutePath().getParent();
            return tls.caFile() == null || dir == null ? tls : new AmiTls(port, dir.resolve(tls.caFile()), null);
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage() + " (ami.tls.port is a port number, ami.tls.trust a PEM"
                    + " file or sha256:<fingerprint>)", e);
        }
    }

    private static void checkText(Path f, String key, String v) throws IOException {
        if (v.length() > 128) {
            throw new IOException(f + ": " + key + " is longer than 128 characters");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new IOException(f + ": " + key + " contains a control character");
            }
        }
    }

    private static String required(Properties p, String key, Path f) throws IOException {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            throw new IOException(f + " lacks '" + key + "'");
        }
        return v;
    }
}
