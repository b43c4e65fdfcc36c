package dev.ktriage.gateway.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Output of a remote command kept up to a cap. Past the cap the stream is still drained, so the
 * remote side is never blocked on a full window, but the bytes are only counted.
 */
record BoundedCapture(String text, long totalBytes, boolean truncated) {

    static BoundedCapture read(InputStream in, int capBytes) throws IOException {
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
}
