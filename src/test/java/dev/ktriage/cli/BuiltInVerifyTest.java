package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's list of built-in diagnoses that declare a verify block is the catalog's. */
class BuiltInVerifyTest {

    @Test
    void theReadmeListsExactlyTheDiagnosesThatDeclareVerify() throws Exception {
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        List<String> declared = new ArrayList<>();
        catalog.all().forEach(p -> p.diagnoses().values().stream().filter(d -> d.verify() != null)
                .forEach(d -> declared.add(p.id() + " " + d.id())));
        declared.sort(null);
        String readme = Files.readString(Path.of("README.md")).replace("\n", " ");
        int from = readme.indexOf("playbook): ", readme.indexOf("Built-in diagnoses that declare what verify re-reads")) + "playbook): ".length();
        String list = readme.substring(from, readme.indexOf(".", from));
        List<String> listed = new ArrayList<>();
        for (String part : list.split(";")) {
            String playbook = part.strip().split(" ")[0];
            Matcher m = Pattern.compile("`([a-z0-9-]+)`").matcher(part);
            while (m.find()) listed.add(playbook + " " + m.group(1));
        }
        listed.sort(null);
        assertEquals(declared, listed);
    }
}
