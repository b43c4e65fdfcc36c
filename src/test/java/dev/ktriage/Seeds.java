package dev.ktriage;

import java.nio.file.Files;
import java.nio.file.Path;

/** Outputs quoted in the source incidents, kept as test fixtures. */
public final class Seeds {

    private Seeds() {
    }

    /**
     * Seed 004's IMDS answer as the write-up quotes it (comment and trailing comma included), kept
     * as a fixture so the redaction tests run wherever the project is cloned.
     */
    public static String imdsBlock() throws java.io.IOException {
        return Files.readString(Path.of("src/test/resources/seeds/004-imds.json")).strip();
    }
}
