package dev.ktriage.playbook.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ktriage.cel.Values;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code {yaml: ""}}: the answer parsed as YAML (a KubeletConfiguration, a kubeconfig, a k3s config):
 * config files are parsed, not grepped. An empty file is absent; so is text that is not YAML.
 */
public final class YamlReader implements Extractor {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    @Override
    public String type() {
        return "yaml";
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "dyn";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        if (!argument.isBlank()) throw new IllegalArgumentException("yaml takes no argument (select fields in CEL: x.authentication.anonymous.enabled)");
        return answer -> {
            if (answer.text().isBlank()) throw new NothingFound("the file is empty");
            try {
                JsonNode n = MAPPER.readTree(answer.text());
                if (n == null || n.isMissingNode()) throw new NothingFound("the file holds no YAML document");
                return new Extracted(Values.fromJson(n), List.of());
            } catch (IOException e) {
                throw new NothingFound("the answer is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
        };
    }
}
