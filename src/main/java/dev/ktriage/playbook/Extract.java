package dev.ktriage.playbook;

import dev.ktriage.yaml.Location;

/** A named value taken from a step's evidence by an extractor (lines, regex, yaml, keyValue, a plugin's, ...). */
public record Extract(String name, String type, Reading reading, Location at) {
}
