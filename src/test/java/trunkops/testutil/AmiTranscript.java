package trunkops.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader for the "AMI transcript v1" files in src/test/resources/ami-fixtures (format in their README): the client and
 * server byte streams of each connection, as ordered steps, with lab steps and the file contents they write.
 */
public final class AmiTranscript {

    /** One step of a connection, in the order the capturing client saw it. */
    public sealed interface Step permits Client, Server, Lab, Closed {
    }

    /** One complete message sent by the client (header lines, without the blank line). */
    public record Client(List<String> lines, double at) implements Step {
        public String wire() {
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                sb.append(l).append("\r\n");
            }
            return sb.append("\r\n").toString();
        }
    }

    /** One server message (lines without the final blank line); the banner is a message of its own. */
    public record Server(List<String> lines) implements Step {
    }

    /** An out-of-band lab step, e.g. {@code stop trunk2} or {@code write-file NAME} with its content. */
    public record Lab(String step, String fileContent, double at) implements Step {
    }

    /** The connection ended. */
    public record Closed(String by) implements Step {
    }

    /** One TCP connection. */
    public record Connection(List<Step> steps) {
        public List<Server> serverMessages() {
            List<Server> out = new ArrayList<>();
            for (Step s : steps) {
                if (s instanceof Server m) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    private final String name;
    private final List<Connection> connections;

    private AmiTranscript(String name, List<Connection> connections) {
        this.name = name;
        this.connections = connections;
    }

    public String name() {
        return name;
    }

    public List<Connection> connections() {
        return connections;
    }

    public static AmiTranscript load(String resource) throws IOException {
        try (InputStream in = AmiTranscript.class.getResourceAsStream("/ami-fixtures/" + resource)) {
            if (in == null) {
                throw new IOException("no fixture " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return parse(resource, text);
        }
    }

    static AmiTranscript parse(String name, String text) {
        List<Connection> conns = new ArrayList<>();
        List<Step> steps = null;
        List<String> client = new ArrayList<>();
        List<String> server = new ArrayList<>();
        Lab pendingLab = null;
        StringBuilder labContent = null;
        boolean bannerPending = false;
        double at = 0;
        double clientAt = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# | ") || line.equals("# |")) {
                if (labContent != null) {
                    labContent.append(line.length() > 4 ? line.substring(4) : "").append('\n');
                }
                continue;
            }
            if (labContent != null) {
                steps.add(new Lab(pendingLab.step(), labContent.toString(), pendingLab.at()));
                labContent = null;
                pendingLab = null;
            }
            if (line.startsWith("T:")) {
                at = Double.parseDouble(line.substring(2).strip());
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            char who = line.charAt(0);
            char form = line.length() > 1 ? line.charAt(1) : ' ';
            String content = line.length() > 2 ? line.substring(3) : "";
            if (form == '=' || form == '~') {
                content = unescape(content);
            }
            switch (who) {
                case 'O' -> {
                    steps = new ArrayList<>();
                    conns.add(new Connection(steps));
                    bannerPending = true;
                }
                case 'X' -> steps.add(new Closed(content));
                case 'L' -> {
                    if (content.startsWith("write-file")) {
                        pendingLab = new Lab(content, null, at);
                        labContent = new StringBuilder();
                    } else {
                        steps.add(new Lab(content, null, at));
                    }
                }
                case 'C' -> {
                    if (content.isEmpty()) {
                        steps.add(new Client(List.copyOf(client), clientAt));
                        client.clear();
                    } else {
                        if (client.isEmpty()) {
                            clientAt = at;
                        }
                        client.add(content);
                    }
                }
                case 'S' -> {
                    if (bannerPending) {
                        steps.add(new Server(List.of(content)));
                        bannerPending = false;
                    } else if (content.isEmpty()) {
                        steps.add(new Server(List.copyOf(server)));
                        server.clear();
                    } else {
                        server.add(content);
                    }
                }
                default -> throw new IllegalArgumentException("bad record in " + name + ": " + line);
            }
        }
        return new AmiTranscript(name, conns);
    }

    static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == '\\') {
                    out.write('\\');
                    i++;
                    continue;
                }
                if (n == 'x' && i + 3 < s.length()) {
                    out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
            }
            out.write(c);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
