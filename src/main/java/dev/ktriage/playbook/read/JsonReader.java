package dev.ktriage.playbook.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.cel.Values;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.List;
import java.util.Map;

/** {@code {json: ""}}: the answer parsed as JSON ({@code ip -j}, {@code crictl inspect}, a kubelet JSON config). */
public final class JsonReader implements Extractor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String type() {
        return "json";
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "dyn";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        if (!argument.isBlank()) throw new IllegalArgumentException("json takes no argument (select fields in CEL: x.spec.foo)");
        return answer -> {
            if (answer.text().isBlank()) throw new NothingFound("the answer is empty, not JSON");
            try {
                JsonNode n = MAPPER.readTree(answer.text());
                return new Extracted(Values.fromJson(n), List.of());
            } catch (JsonProcessingException e) {
                throw new NothingFound("the answer is not JSON: " + e.getOriginalMessage());
            }
        };
    }
}
