package dev.ktriage.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step record's rule (which of the step's rules fired) goes into the transcript, and a record written before it still reads. */
class StepRuleRecordTest {

    @Test
    void theRuleThatFiredIsWrittenAndReadBack() {
        StepRecord s = new StepRecord("rp-filter", "Read rp_filter", StepStatus.DONE, "strict", "rp_filter is 1", null,
                List.of("1"), List.of("loose"), "ssh node0 sysctl -n net.ipv4.conf.all.rp_filter", 2);
        JsonNode o = TranscriptCodec.step(s);
        assertEquals(2, o.get("rule").asInt());
        assertEquals(s, TranscriptCodec.stepRecord(o));
    }

    @Test
    void aRecordWithoutARuleReadsAsNoneAndWritesNone() throws Exception {
        JsonNode old = new ObjectMapper().readTree("{\"id\":\"pod-spec\",\"title\":\"Read the pod\",\"status\":\"done\","
                + "\"finding\":\"pod-read\",\"says\":\"read\",\"quotes\":[],\"ruledOut\":[]}");
        StepRecord s = TranscriptCodec.stepRecord(old);
        assertEquals("pod-read", s.finding());
        assertNull(s.rule());
        assertFalse(TranscriptCodec.step(s).has("rule"));
        assertNull(new StepRecord("x", "t", StepStatus.INCONCLUSIVE, null, "", "why", List.of(), List.of(), null).rule());
    }
}
