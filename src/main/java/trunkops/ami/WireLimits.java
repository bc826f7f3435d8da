package trunkops.ami;

/**
 * What one AMI connection may make the console hold: the longest line, and the most lines and bytes of one frame
 * (a message: header lines up to the empty line). Whatever exceeds them is dropped whole and counted; the link
 * stays up. Real Asterisk 20 frames stay far below the defaults (the captured transcripts: at most 144 lines of
 * at most 198 bytes).
 */
public record WireLimits(int maxLineBytes, int maxFrameLines, int maxFrameBytes) {

    public WireLimits {
        if (maxLineBytes < 256 || maxFrameLines < 16 || maxFrameBytes < maxLineBytes) {
            throw new IllegalArgumentException("AMI wire limits too small: " + maxLineBytes + " bytes per line, "
                    + maxFrameLines + " lines and " + maxFrameBytes + " bytes per frame");
        }
    }

    public static WireLimits defaults() {
        return new WireLimits(8 * 1024, 512, 64 * 1024);
    }
}
