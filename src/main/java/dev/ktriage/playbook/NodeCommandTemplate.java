package dev.ktriage.playbook;

import dev.ktriage.playbook.expr.ExprException;
import dev.ktriage.playbook.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a node command as written in a playbook ({@code ip route get ${podIP}}) into argument
 * templates. There is no shell on the other side as far as the author is concerned: single quotes
 * group literal text, every other shell metacharacter is refused, and each argument stays one
 * argument whatever a substituted value contains.
 */
final class NodeCommandTemplate {

    private static final String METACHARACTERS = "|;&<>`\"\\(){}*?~#!\n";
    private static final Set<String> MUTATING = Set.of("rm", "mv", "cp", "dd", "kill", "pkill", "killall",
            "reboot", "shutdown", "halt", "poweroff", "mkfs", "tee", "chmod", "chown", "modprobe", "rmmod",
            "iptables", "nft", "tc", "mount", "umount", "crictl", "docker", "kubectl", "sh", "bash");

    private NodeCommandTemplate() {
    }

    static List<Template> parse(String command) {
        List<Template> argv = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) argv.add(template(word));
                inWord = false;
                i++;
            } else if (c == '\'') {
                int close = command.indexOf('\'', i + 1);
                if (close < 0) throw new IllegalArgumentException("unterminated quote in node command");
                // Quoted text is literal: keep '$' from starting an expression by escaping nothing; reject "${" inside quotes.
                String lit = command.substring(i + 1, close);
                if (lit.contains("${")) throw new IllegalArgumentException("${...} inside quotes: write it unquoted, ktriage quotes values itself");
                word.append(lit);
                inWord = true;
                i = close + 1;
            } else if (c == '$' && command.startsWith("${", i)) {
                int close = command.indexOf('}', i);
                if (close < 0) throw new IllegalArgumentException("'${' without '}' in node command");
                word.append(command, i, close + 1);
                inWord = true;
                i = close + 1;
            } else {
                if (METACHARACTERS.indexOf(c) >= 0 || c == '$') {
                    throw new IllegalArgumentException("'" + c + "' in a node command: commands run without a shell"
                            + " (no pipes, redirects, substitutions or globs); quote literal text with '...' and filter with extract");
                }
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) argv.add(template(word));
        if (argv.isEmpty()) throw new IllegalArgumentException("empty node command");
        checkReadOnly(argv);
        return argv;
    }

    private static Template template(StringBuilder word) {
        String text = word.toString();
        word.setLength(0);
        try {
            return Template.parse(text);
        } catch (ExprException e) {
            throw new IllegalArgumentException("in '" + text + "': " + e.getMessage());
        }
    }

    /** A second line of defence behind the author's {@code readOnly: true}: refuse commands that change a node. */
    private static void checkReadOnly(List<Template> argv) {
        String program = argv.get(0).source();
        if (MUTATING.contains(program)) throw new IllegalArgumentException("'" + program + "' can change the node; ktriage runs read-only commands only");
        List<String> words = argv.stream().map(Template::source).toList();
        if (program.equals("sysctl") && words.stream().anyMatch(w -> w.equals("-w") || w.equals("-p") || w.equals("--system") || w.contains("="))) {
            throw new IllegalArgumentException("sysctl that writes values is not read-only");
        }
        if (program.equals("systemctl") && words.size() > 1 && !Set.of("cat", "show", "status", "is-active", "is-enabled", "list-units").contains(words.get(1))) {
            throw new IllegalArgumentException("systemctl " + words.get(1) + " is not read-only");
        }
        if (program.equals("ip") && words.stream().anyMatch(w -> Set.of("add", "del", "delete", "set", "flush", "change", "replace").contains(w))) {
            throw new IllegalArgumentException("ip with a changing verb is not read-only");
        }
    }
}
