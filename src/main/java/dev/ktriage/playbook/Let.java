package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Expression;
import dev.ktriage.yaml.Location;

/** {@code let: {name: EXPR}}: a value computed after the step's extracts, in order, visible to its rules and later steps. */
public record Let(String name, Expression value, Location at) {
}
