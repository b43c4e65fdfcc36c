package dev.ktriage.lab;

import java.nio.file.Path;

/** Scenario folders under src/test/resources/lab-fixtures. */
public final class LabFixtures {

    private LabFixtures() {
    }

    public static Path dir(String name) {
        return Path.of(System.getProperty("ktriage.root", "."), "src", "test", "resources", "lab-fixtures", name);
    }
}
