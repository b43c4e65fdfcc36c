package dev.ktriage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The light reader gives exactly what ObjectMapper gives, on the kinds of JSON ktriage reads. */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sameTreesAndPlainValuesAsObjectMapper() throws IOException {
        String doc = """
                {"kind":"Pod","n":1,"big":12345678901,"huge":123456789012345678901234567890,"f":0.25,"e":1e3,
                 "t":true,"no":false,"nil":null,"s":"caf\\u00e9 \\"q\\" \\n","a":[1,"x",[],{}],"o":{"k":{"deep":[null]}},
                 "dup":1,"dup":2}""";
        JsonNode mine = JsonTrees.parse(doc);
        assertEquals(MAPPER.readTree(doc), mine);
        assertEquals(MAPPER.convertValue(mine, Object.class), JsonTrees.plain(mine));
        assertEquals(2, mine.get("dup").asInt(), "a later duplicate key wins, as with ObjectMapper");
        for (String scalar : new String[] {"7", "\"s\"", "true", "null", "[]", "-0.5"}) {
            assertEquals(MAPPER.readTree(scalar), JsonTrees.parse(scalar), scalar);
        }
    }

    @Test
    void aRecordedTranscriptReadsTheSameLineByLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path transcript = tmp.resolve("t.jsonl");
        int exit = dev.ktriage.cli.Main.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                "run", "failing-probes", "--lab", "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter",
                "--set", "pod=kube-system/coredns-749558f7dd-w6jdj", "--transcript", transcript.toString());
        assertEquals(0, exit);
        java.util.List<String> lines = Files.readAllLines(transcript);
        org.junit.jupiter.api.Assertions.assertTrue(lines.size() > 20, "a whole session: " + lines.size());
        for (String line : lines) {
            JsonNode mine = JsonTrees.parse(line);
            assertEquals(MAPPER.readTree(line), mine, line);
            assertEquals(MAPPER.convertValue(mine, Object.class), JsonTrees.plain(mine), line);
        }
    }

    @Test
    void malformedJsonIsAnIOException() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "tru"}) {
            assertThrows(IOException.class, () -> JsonTrees.parse(bad), bad);
        }
    }
}
