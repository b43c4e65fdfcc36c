package dev.ktriage.gateway.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Output of a remote command kept up to a cap. Past the cap the stream is still drained, so the
 * remote side is never blocked on a full window, but the bytes are only counted.
 */
public record BoundedCapture(String text, long totalBytes, boolean truncated) {

    /** What is kept of a node command's stdout and stderr, whatever carries it. */
    public static final int STDOUT_CAP = 4 * 1024 * 1024;
    public static final int STDERR_CAP = 1024 * 1024;

    public static BoundedCapture read(InputStream in, int capBytes) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            int room = (int) Math.max(0, Math.min(n, capBytes - total));
            if (room > 0) kept.write(buffer, 0, room);
            total += n;
        }
        return new BoundedCapture(kept.toString(StandardCharsets.UTF_8), total, total > capBytes);
    }

    /** The lines appended to stderr when either stream was cut, so a reader knows the text is not whole. */
    public static String notes(BoundedCapture stdout, BoundedCapture stderr) {
        StringBuilder b = new StringBuilder();
        if (stdout.truncated()) {
            b.append("\n[ktriage: stdout truncated to ").append(STDOUT_CAP).append(" of ").append(stdout.totalBytes()).append(" bytes]\n");
        }
        if (stderr.truncated()) {
            b.append("\n[ktriage: stderr truncated to ").append(STDERR_CAP).append(" of ").append(stderr.totalBytes()).append(" bytes]\n");
        }
        return b.toString();
    }
}
