package dev.ktriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.engine.BadInputException;

/** The {@code -o text|json} of list, triage, replay and plugin test: the value checked, and the JSON they print. */
final class TextOrJson {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TextOrJson() {
    }

    /** @return true for json, false for text; anything else is bad input */
    static boolean json(String output) {
        if (output.equals("text")) return false;
        if (output.equals("json")) return true;
        throw new BadInputException("--output must be text or json");
    }

    static ObjectNode object() {
        return PRETTY.createObjectNode();
    }

    /** Pretty-printed, as every JSON ktriage writes on stdout. */
    static String print(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
