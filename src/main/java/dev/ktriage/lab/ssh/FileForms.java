package dev.ktriage.lab.ssh;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers {@code cat PATH...}, {@code test -e|-f|-d PATH} and {@code ls [-1] PATH} from a node's
 * {@code files}. Directories are implied by the paths of the files under them.
 */
final class FileForms {

    private final TreeMap<String, String> files;

    FileForms(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    Optional<SimpleAnswer> answer(List<String> argv) {
        if (argv.isEmpty()) return Optional.empty();
        return switch (argv.get(0)) {
            case "cat" -> cat(argv.subList(1, argv.size()));
            case "test" -> test(argv.subList(1, argv.size()));
            case "ls" -> ls(argv.subList(1, argv.size()));
            default -> Optional.empty();
        };
    }

    private Optional<SimpleAnswer> cat(List<String> paths) {
        if (paths.isEmpty() || paths.stream().anyMatch(p -> p.startsWith("-"))) return Optional.empty();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String path : paths) {
            String content = files.get(path);
            if (content != null) {
                out.append(content);
            } else if (isDirectory(path)) {
                err.append("cat: ").append(path).append(": Is a directory\n");
            } else {
                err.append("cat: ").append(path).append(": No such file or directory\n");
            }
        }
        if (err.length() == 0) return Optional.of(SimpleAnswer.found(out.toString()));
        return Optional.of(SimpleAnswer.missing(out.toString(), err.toString(), 1));
    }

    private Optional<SimpleAnswer> test(List<String> args) {
        if (args.size() != 2 || !List.of("-e", "-f", "-d").contains(args.get(0))) return Optional.empty();
        String path = args.get(1);
        boolean exists = files.containsKey(path) || isDirectory(path);
        boolean holds = switch (args.get(0)) {
            case "-e" -> exists;
            case "-f" -> files.containsKey(path);
            case "-d" -> isDirectory(path);
            default -> isDirectory(path);
        };
        // test prints nothing: its answer is the exit code
        SimpleAnswer answer = new SimpleAnswer(NodeReply.of("", "", holds ? 0 : 1), exists);
        return Optional.of(answer);
    }

    private Optional<SimpleAnswer> ls(List<String> args) {
        List<String> paths = args.stream().filter(a -> !a.equals("-1")).toList();
        if (paths.size() != 1 || paths.get(0).startsWith("-")) return Optional.empty();
        String path = paths.get(0);
        if (files.containsKey(path)) return Optional.of(SimpleAnswer.found(path + "\n"));
        if (!isDirectory(path)) {
            return Optional.of(SimpleAnswer.missing("", "ls: cannot access '" + path + "': No such file or directory\n", 2));
        }
        // one level: the files directly inside, and each subdirectory once
        String prefix = asDirectory(path);
        TreeSet<String> names = new TreeSet<>();
        for (String file : files.tailMap(prefix).keySet()) {
            if (!file.startsWith(prefix)) break;
            String rest = file.substring(prefix.length());
            int slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append(n).append('\n'));
        return Optional.of(SimpleAnswer.found(out.toString()));
    }

    private boolean isDirectory(String path) {
        String prefix = asDirectory(path);
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    private static String asDirectory(String path) {
        return path.endsWith("/") ? path : path + "/";
    }
}
