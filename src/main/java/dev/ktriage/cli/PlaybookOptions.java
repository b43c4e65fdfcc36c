package dev.ktriage.cli;

import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookFile;
import dev.ktriage.playbook.PlaybookSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which playbooks a command sees: the built-ins plus folders given with {@code --playbooks}. */
final class PlaybookOptions {

    @Option(names = "--playbooks", paramLabel = "DIR", description = "Also load playbooks from this folder (NAME/playbook.yaml or *.yaml).")
    List<Path> folders = new ArrayList<>();

    PlaybookCatalog catalog() {
        List<PlaybookFile> files = new ArrayList<>(PlaybookSources.builtIn());
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("playbook folder not found: " + dir);
            files.addAll(PlaybookSources.fromFolder(dir, dir.toString(), dir.toString()));
        }
        return PlaybookCatalog.load(files, ExtractorRegistry.fromClassLoader(PlaybookOptions.class.getClassLoader()));
    }
}
