package dev.ktriage.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML read by YamlReader, as the JSON the lab serves: the types YAML gives each scalar. */
class YNodeJsonTest {

    private static final String SCALARS = """
            int: 42
            negative: -7
            hex: 0x1F
            octal: 010
            underscores: 1_000
            plus: +12
            big: 12345678901234567890
            decimal: 1.10
            exponent: 1e3
            yes: yes
            capitalised: True
            off: off
            quotedNumber: "12"
            quotedBool: 'true'
            taggedString: !!str 5
            taggedInt: !!int "7"
            tilde: ~
            empty:
            date: 2024-01-01
            words: plain words
            block: |
              two
              lines
            list: [1, "1", false, null]
            """;

    @Test
    void scalarsGetTheValuesYamlGivesThem() {
        JsonNode j = json(SCALARS);
        assertEquals("{\"int\":42,\"negative\":-7,\"hex\":31,\"octal\":8,\"underscores\":1000,\"plus\":12,"
                + "\"big\":12345678901234567890,\"decimal\":1.10,\"exponent\":1E+3,\"yes\":true,\"capitalised\":true,"
                + "\"off\":false,\"quotedNumber\":\"12\",\"quotedBool\":\"true\",\"taggedString\":\"5\",\"taggedInt\":7,"
                + "\"tilde\":null,\"empty\":null,\"date\":\"2024-01-01\",\"words\":\"plain words\",\"block\":\"two\\nlines\\n\","
                + "\"list\":[1,\"1\",false,null]}", j.toString());
        assertInstanceOf(BigIntegerNode.class, j.get("int"), "integers are never narrowed or rounded");
        assertInstanceOf(BigIntegerNode.class, j.get("hex"));
        assertInstanceOf(DecimalNode.class, j.get("decimal"), "a decimal is not a double");
        assertInstanceOf(BooleanNode.class, j.get("yes"));
        assertInstanceOf(TextNode.class, j.get("quotedNumber"), "quoted scalars stay strings");
        assertInstanceOf(NullNode.class, j.get("empty"));
    }

    @Test
    void mappingsKeepTheirKeysInFileOrder() {
        JsonNode j = json("z: 1\na: {y: 2, b: 3}\n");
        assertEquals(List.of("z", "a"), names(j));
        assertEquals(List.of("y", "b"), names(j.get("a")));
    }

    @Test
    void aCachedTreeGivesTheSameJson() throws IOException {
        List<YNode> docs = YamlReader.readAll(SCALARS, "f.yaml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        YNodeCodec.write(new DataOutputStream(bytes), docs);
        List<YNode> cached = YNodeCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "f.yaml");
        assertEquals(YNodeJson.toJson(docs.get(0)), YNodeJson.toJson(cached.get(0)));
    }

    @Test
    void aNumberJsonCannotHoldIsAnErrorAtTheValue() {
        YamlException e = assertThrows(YamlException.class, () -> json("a: 1\nb: .inf\n"));
        assertTrue(e.getMessage().startsWith("f.yaml:2:4: malformed YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains(".inf"), e.getMessage());
    }

    private static JsonNode json(String yaml) {
        return YNodeJson.toJson(YamlReader.readAll(yaml, "f.yaml").get(0));
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
