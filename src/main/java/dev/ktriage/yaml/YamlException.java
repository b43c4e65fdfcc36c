package dev.ktriage.yaml;

/** A problem in an input file, reported as one line that starts with its location. */
public class YamlException extends RuntimeException {

    private final Location location;

    public YamlException(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public YamlException(Location location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
