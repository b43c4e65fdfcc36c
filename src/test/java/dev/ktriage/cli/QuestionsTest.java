package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch mode answers questions from --set/--answers and never waits on stdin. */
class QuestionsTest {

    static final String PLAYBOOKS = "src/test/resources/playbooks-ask";
    static final String LAB = RunCommandTest.HEALTHY.toString();

    @TempDir
    Path tmp;

    private Cli run(String... extra) {
        String[] base = {"run", "ask-cni", "--playbooks", PLAYBOOKS, "--lab", LAB, "--output", "json",
                "--transcript", tmp.resolve("q.jsonl").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void answerFromSet() {
        Cli r = run("--set", "cni=cilium");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("on-cilium", r.json().get("diagnoses").get(0).get("id").asText());
    }

    @Test
    void answerFromFileAndReplayUsesIt() throws IOException {
        Path answers = Files.writeString(tmp.resolve("answers.yaml"), "cni: calico\n");
        Cli r = run("--answers", answers.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("not-cilium", r.json().get("steps").get(0).get("finding").asText());
        Cli replay = Cli.run("replay", tmp.resolve("q.jsonl").toString(), "--playbooks", PLAYBOOKS);
        assertEquals(0, replay.exit(), replay.toString());
    }

    @Test
    void unansweredQuestionExits2NamingIt() {
        Cli r = run();
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("question 'cni' has no answer"), r.err());
        assertEquals("inconclusive", r.json().get("outcome").asText());
    }

    @Test
    void answerOutsideTheChoicesIsRefused() {
        Cli r = run("--set", "cni=flannel");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("not one of: cilium, calico, other"), r.err());
    }

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("ktriage "), v.out());
        Cli h = Cli.run("--help");
        assertEquals(0, h.exit());
        for (String cmd : new String[] {"run", "replay", "list", "lab", "demo"}) assertTrue(h.out().contains(cmd), h.out());
    }
}
