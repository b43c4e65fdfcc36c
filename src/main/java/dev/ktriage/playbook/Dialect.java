package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Expression;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNode.YMap;
import java.util.List;
import java.util.Set;

/**
 * What differs between playbook language versions while the file's structure (steps, gathers,
 * rules, diagnoses) stays the same: how text, conditions and values are written, which extractors
 * exist, and the keys each version adds. Version 1 is the original expression language; version 2
 * is CEL ({@link CelDialect}).
 */
interface Dialect {

    int version();

    /** A template ({@code ${...}} parts); an absent node is empty text. */
    Text text(YNode n);

    Condition condition(YNode n);

    Expression expression(YNode n);

    /** The node command's arguments, held to the read-only allow-list. */
    List<Text> command(YNode run);

    List<Extract> extracts(YMap step);

    List<Let> lets(YMap step);

    /** Keys a step may have in this version. */
    Set<String> stepKeys();

    /** Keys a node gather may have in this version. */
    Set<String> nodeKeys();

    /** Checks what this version requires of a node gather (version 1: readOnly). */
    void checkNode(YMap node);
}
