package trunkops.alert;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.imageio.ImageIO;

import trunkops.health.LatencyHistory;

/**
 * The latency history of the incident's trunks as a PNG (java.awt, off screen; no JavaFX, so it can be made on any
 * thread): one line per trunk, failed polls as red ticks on the time axis, the time axis in the given zone. Light
 * background: it is printed and mailed, not shown on a NOC wall.
 */
public final class LatencyPng {

    static final int WIDTH = 1000;
    static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 80;
    private static final Color[] LINES = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private LatencyPng() {
    }

    public static byte[] render(String title, Map<String, LatencyHistory.Series> series, Instant from, Instant to,
                                ZoneId zone) throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int max = 50;
            for (LatencyHistory.Series s : series.values()) {
                for (short v : s.values()) {
                    max = Math.max(max, v);
                }
            }
            max = (max / 50 + 1) * 50;
            axes(g, title, from, to, zone, max);
            int i = 0;
            for (Map.Entry<String, LatencyHistory.Series> e : series.entrySet()) {
                Color c = LINES[i % LINES.length];
                line(g, e.getValue(), from, to, max, c);
                g.setColor(c);
                g.fillRect(LEFT + (i % 4) * 230, HEIGHT - 30 + (i / 4) * 14 - 8, 10, 10);
                g.setColor(Color.DARK_GRAY);
                g.drawString(e.getKey(), LEFT + (i % 4) * 230 + 14, HEIGHT - 30 + (i / 4) * 14);
                i++;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void axes(Graphics2D g, String title, Instant from, Instant to, ZoneId zone, int max) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString(title + " \u2014 qualify round trip (ms); red ticks: no answer", LEFT, 18);
        int plotH = HEIGHT - TOP - BOTTOM;
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        for (int k = 0; k <= 5; k++) {
            int y = TOP + plotH - plotH * k / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(max * k / 5), 10, y + 4);
        }
        for (int k = 0; k <= 6; k++) {
            long t = from.toEpochMilli() + (to.toEpochMilli() - from.toEpochMilli()) * k / 6;
            int x = x(t, from, to);
            g.drawString(f.format(Instant.ofEpochMilli(t)), x - 14, TOP + plotH + 16);
        }
        g.drawString(zone.getId(), WIDTH - RIGHT - 120, TOP + plotH + 32);
    }

    private static void line(Graphics2D g, LatencyHistory.Series s, Instant from, Instant to, int max, Color c) {
        int plotH = HEIGHT - TOP - BOTTOM;
        int px = -1;
        int py = -1;
        for (int k = 0; k < s.size(); k++) {
            int x = x(s.times()[k], from, to);
            short v = s.values()[k];
            if (v == LatencyHistory.UNREACHABLE) {
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(x, TOP + plotH - 8, x, TOP + plotH);
                px = -1;
                continue;
            }
            if (v < 0) {
                px = -1;
                continue;
            }
            int y = TOP + plotH - (int) ((long) plotH * v / max);
            if (px >= 0) {
                g.setColor(c);
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static int x(long t, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return LEFT + (int) ((WIDTH - LEFT - RIGHT) * (t - from.toEpochMilli()) / span);
    }
}
