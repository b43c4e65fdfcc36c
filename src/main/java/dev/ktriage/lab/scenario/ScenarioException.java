package dev.ktriage.lab.scenario;

import dev.ktriage.yaml.Location;

/** A scenario that cannot be loaded. The message is one line, starting with file:line:column when known. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }

    static ScenarioException at(Location location, String message) {
        return new ScenarioException(location + ": " + oneLine(message));
    }

    static String oneLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
