package dev.ktriage.lab.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Answers the read-only forms of procps {@code sysctl} from a node's {@code sysctls}:
 * {@code sysctl [-n] [-e] KEY...} and {@code sysctl -a [-n] [--pattern|-r REGEX]}. Anything else
 * (a write, an unknown option) is not a simple form and goes to the scenario's commands.
 */
final class SysctlForms {

    private final TreeMap<String, String> sysctls;

    SysctlForms(Map<String, String> sysctls) {
        this.sysctls = new TreeMap<>(sysctls);
    }

    Optional<SimpleAnswer> answer(List<String> argv) {
        if (argv.isEmpty() || !argv.get(0).equals("sysctl")) return Optional.empty();
        boolean valuesOnly = false;
        boolean ignoreMissing = false;
        boolean all = false;
        Pattern pattern = null;
        List<String> keys = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "-n", "--values" -> valuesOnly = true;
                case "-e", "--ignore" -> ignoreMissing = true;
                case "-a", "-A", "-X", "--all" -> all = true;
                case "-r", "--pattern" -> {
                    if (++i >= argv.size()) return Optional.empty();
                    try {
                        pattern = Pattern.compile(argv.get(i));
                    } catch (PatternSyntaxException e) {
                        return Optional.empty();
                    }
                }
                default -> {
                    // options we do not model, and KEY=VALUE (a write), are not simple forms
                    if (a.startsWith("-") || a.contains("=")) return Optional.empty();
                    keys.add(a.indexOf('.') < 0 ? a.replace('/', '.') : a);
                }
            }
        }
        if (all || (pattern != null && keys.isEmpty())) {
            return keys.isEmpty() ? listAll(pattern, valuesOnly) : Optional.empty();
        }
        if (keys.isEmpty()) return Optional.empty();
        return Optional.of(read(keys, valuesOnly, ignoreMissing));
    }

    private Optional<SimpleAnswer> listAll(Pattern pattern, boolean valuesOnly) {
        // A node file without sysctls says nothing about them: let commands or "not in scenario" answer.
        if (sysctls.isEmpty()) return Optional.empty();
        StringBuilder out = new StringBuilder();
        sysctls.forEach((k, v) -> {
            if (pattern == null || pattern.matcher(k).find()) out.append(line(k, v, valuesOnly));
        });
        return Optional.of(SimpleAnswer.found(out.toString()));
    }

    private SimpleAnswer read(List<String> keys, boolean valuesOnly, boolean ignoreMissing) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        boolean missing = false;
        for (String key : keys) {
            String value = sysctls.get(key);
            if (value != null) {
                out.append(line(key, value, valuesOnly));
            } else {
                missing = true;
                if (!ignoreMissing) {
                    err.append("sysctl: cannot stat /proc/sys/").append(key.replace('.', '/'))
                            .append(": No such file or directory\n");
                }
            }
        }
        if (!missing) return SimpleAnswer.found(out.toString());
        return SimpleAnswer.missing(out.toString(), err.toString(), ignoreMissing ? 0 : 255);
    }

    private static String line(String key, String value, boolean valuesOnly) {
        String v = value.endsWith("\n") ? value : value + "\n";
        return valuesOnly ? v : key + " = " + v;
    }
}
