package dev.ktriage.playbook;

import dev.ktriage.spi.Extractor;
import dev.ktriage.yaml.Location;

/** A named value taken from a step's evidence by an extractor (json, regex, lines, ...). */
public record Extract(String name, String type, Extractor.Compiled compiled, Location at) {
}
