package dev.ktriage.playbook;

import dev.ktriage.yaml.Location;

/**
 * A value the playbook needs before it starts, given with {@code --set id=value} or asked for.
 * A {@code pod} input is NAMESPACE/NAME and also defines {@code ID.namespace} and {@code ID.name}.
 */
public record Input(String id, Kind kind, String description, boolean required, Location at) {

    public enum Kind { POD, NODE, TEXT }
}
