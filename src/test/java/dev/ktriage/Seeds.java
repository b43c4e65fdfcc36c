package dev.ktriage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The source incidents in ../shared/seeds, found above the project root; tests skip without them. */
public final class Seeds {

    private Seeds() {
    }

    public static Path seed(String fileName) {
        Path root = Path.of(System.getProperty("ktriage.root", ".")).toAbsolutePath();
        for (Path p = root; p != null; p = p.getParent()) {
            Path seed = p.resolve("shared/seeds").resolve(fileName);
            if (Files.exists(seed)) return seed;
        }
        Assumptions.abort("seed " + fileName + " not found above " + root);
        return null;
    }

    /** Seed 004's IMDS answer as the write-up quotes it (comment and trailing comma included). */
    public static String imdsBlock() throws java.io.IOException {
        String seed = Files.readString(seed("004_8566e96669b7a525.txt"));
        int start = seed.indexOf("{\n  \"Code\"");
        return seed.substring(start, seed.indexOf("}", seed.indexOf("\"Token\"", start)) + 1);
    }
}
