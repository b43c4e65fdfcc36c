package dev.ktriage.gateway.node;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedCaptureTest {

    @Test
    void keepsUpToTheCapAndCountsTheRest() throws IOException {
        byte[] big = "x".repeat(100_000).getBytes();
        BoundedCapture capture = BoundedCapture.read(new ByteArrayInputStream(big), 10);
        assertEquals("xxxxxxxxxx", capture.text());
        assertEquals(100_000, capture.totalBytes());
        assertTrue(capture.truncated());
    }

    @Test
    void smallOutputIsKeptWhole() throws IOException {
        BoundedCapture capture = BoundedCapture.read(new ByteArrayInputStream("0\n".getBytes()), 10);
        assertEquals("0\n", capture.text());
        assertFalse(capture.truncated());
    }
}
