package dev.ktriage.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON as CEL values: integers stay int (a container port is 8080, not 8080.0), other numbers double. */
class ValuesTest {

    @Test
    void jsonNumbersKeepTheirKind() throws Exception {
        Object v = Values.fromJson(new ObjectMapper().readTree(
                "{\"port\": 8080, \"ratio\": 1.5, \"huge\": 123456789012345678901, \"ok\": true, \"none\": null, \"list\": [1, \"a\"]}"));
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(8080L, m.get("port"));
        assertEquals(1.5, m.get("ratio"));
        assertEquals(Double.class, m.get("huge").getClass());
        assertEquals(true, m.get("ok"));
        assertEquals(null, m.get("none"));
        assertEquals(List.of(1L, "a"), m.get("list"));
        assertEquals("8080", Values.text(m.get("port")));
    }
}
