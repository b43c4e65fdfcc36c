package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.playbook.PlaybookFile;
import dev.ktriage.plugin.PluginPaths;
import dev.ktriage.plugin.PluginReader;
import dev.ktriage.redact.Pseudonymizer;
import dev.ktriage.redact.Redactor;
import dev.ktriage.transcript.Transcript;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "redact", description = {
        "Rewrite a transcript for sharing: secrets removed (as every transcript is written), and with --pseudonymize",
        "names, namespaces, node names, hostnames, image registries, pod devices and IP addresses replaced by",
        "consistent pseudonyms (subnets kept), so that the result still replays to the same diagnosis.",
        "Writes to stdout unless -o is given; the mapping is written only with --mapping."})
final class RedactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRANSCRIPT", description = "A transcript (.jsonl) written by ktriage.")
    Path file;

    @Option(names = "--pseudonymize", description = "Replace names and addresses by pseudonyms (the same value, the same pseudonym, everywhere in the file).")
    boolean pseudonymize;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Write the result to OUT instead of stdout.")
    Path out;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Also write the original -> pseudonym table (JSON) to FILE. Keep it private.")
    Path mappingFile;

    @Option(names = "--key", paramLabel = "TEXT", description = "Derive pseudonyms from TEXT, the same across files"
            + " (default: from the transcript's own content, so the same file always gives the same result).")
    String key;

    @Option(names = "--playbooks", paramLabel = "DIR", description = "Also keep the words of the playbooks in this folder (their vocabulary).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--plugins", paramLabel = "PATH", description = "Also keep the words of the plugin(s) at PATH.")
    List<Path> plugins = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Transcript.read(file); // a transcript at all: not found, unreadable or malformed is one line
        byte[] original = Files.readAllBytes(file);
        List<String> lines = new String(original, StandardCharsets.UTF_8).lines().toList();
        List<String> result;
        if (pseudonymize) {
            Pseudonymizer p = new Pseudonymizer(key == null ? sha256(original) : sha256(("ktriage-pseudonyms:" + key).getBytes(StandardCharsets.UTF_8)),
                    vocabulary());
            result = p.lines(lines);
            if (mappingFile != null) {
                ObjectNode m = TextOrJson.object();
                p.mapping().forEach(m::put);
                write(mappingFile, TextOrJson.print(m) + "\n");
            }
        } else {
            if (mappingFile != null) throw new dev.ktriage.engine.BadInputException("--mapping needs --pseudonymize");
            result = redacted(lines);
        }
        String text = String.join("\n", result) + "\n";
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            write(out, text);
        }
        return 0;
    }

    /** Each line through the redactor again: for transcripts written before a rule was added. */
    private static List<String> redacted(List<String> lines) throws IOException {
        Redactor r = new Redactor();
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : lines) if (!line.isBlank()) out.add(mapper.writeValueAsString(r.json(JsonTrees.parse(line))));
        return out;
    }

    private static void write(Path to, String text) {
        try {
            if (to.toAbsolutePath().getParent() != null) Files.createDirectories(to.toAbsolutePath().getParent());
            Files.writeString(to, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
        }
    }

    /** The words the playbooks spell (built-in, --playbooks, plugins): what they may match on, kept as they are. */
    private Set<String> vocabulary() {
        List<PlaybookFile> files = new ArrayList<>(PluginReader.builtIn().playbooks());
        for (Path f : folders) files.addAll(PluginReader.playbookFolder(f).playbooks());
        List<Path> paths = new ArrayList<>(PluginPaths.defaults());
        paths.addAll(plugins);
        for (Path p : paths) files.addAll(pluginPlaybooks(p));
        Set<String> words = new HashSet<>();
        for (PlaybookFile f : files) {
            for (String w : f.text().split("[^A-Za-z0-9._-]+")) {
                words.add(w);
                for (String part : w.split("[.]")) words.add(part);
            }
        }
        return words;
    }

    /** A plugin's playbooks, or those of a folder of plugins; nothing for what is not a plugin (as loading skips it). */
    private static List<PlaybookFile> pluginPlaybooks(Path p) {
        List<PlaybookFile> out = new ArrayList<>();
        try {
            out.addAll(PluginReader.read(p).playbooks());
        } catch (RuntimeException notOne) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> children = Files.list(p)) {
                    for (Path c : children.sorted().toList()) {
                        try {
                            out.addAll(PluginReader.read(c).playbooks());
                        } catch (RuntimeException skipped) {
                            // not a plugin: nothing to keep from it
                        }
                    }
                } catch (IOException unreadable) {
                    // as above
                }
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
