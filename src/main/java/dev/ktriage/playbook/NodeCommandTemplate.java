package dev.ktriage.playbook;

import dev.ktriage.allowlist.AllowList;
import dev.ktriage.allowlist.CommandRefused;
import dev.ktriage.allowlist.Word;
import dev.ktriage.playbook.lang.LiteralText;
import dev.ktriage.playbook.lang.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a node command as written in a playbook ({@code ip route get ${podIP}}) into argument
 * templates and holds it to the read-only allow-list. There is no shell on the other side as far
 * as the author is concerned: single quotes group literal text, every other shell metacharacter is
 * refused, and each argument stays one argument whatever a substituted value contains.
 */
final class NodeCommandTemplate {

    private static final String METACHARACTERS = "|;&<>`\"\\(){}*?~#!\n";

    /** The argument templates and where each starts in the command as written. */
    record Split(List<Text> argv, List<Integer> offsets) {

        /** The words as the allow-list sees them: literal, or a hole the step fills. */
        List<Word> words() {
            List<Word> out = new ArrayList<>();
            for (int i = 0; i < argv.size(); i++) {
                Text t = argv.get(i);
                out.add(new Word(t.source(), t.isConstant() ? Word.Kind.LITERAL : Word.Kind.TEMPLATE, offsets.get(i)));
            }
            return out;
        }
    }

    /** Makes one argument's template; a template that does not compile is a {@link CommandRefused} at its offset. */
    interface Words {
        Text word(String text, int start);
    }

    /** The operator's words, taken as they are ({@code $} is refused before). */
    static final Words LITERAL = (text, start) -> new LiteralText(text);

    private NodeCommandTemplate() {
    }

    static Split parse(String command) {
        return parse(command, LITERAL);
    }

    /**
     * @throws CommandRefused for shell syntax or a command the allow-list does not admit, with the
     *                        offset of the offending argument
     */
    static Split parse(String command, Words words) {
        List<Text> argv = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == ' ' || c == '\t') {
                if (start >= 0) add(argv, offsets, word, start, words);
                start = -1;
                i++;
                continue;
            }
            if (start < 0) start = i;
            if (c == '\'') {
                int close = command.indexOf('\'', i + 1);
                if (close < 0) throw new CommandRefused("unterminated quote in node command", i);
                String lit = command.substring(i + 1, close);
                if (lit.contains("${")) throw new CommandRefused("${...} inside quotes: write it unquoted, ktriage quotes values itself", i);
                word.append(lit);
                i = close + 1;
            } else if (c == '$' && command.startsWith("${", i)) {
                int close = command.indexOf('}', i);
                if (close < 0) throw new CommandRefused("'${' without '}' in node command", i);
                word.append(command, i, close + 1);
                i = close + 1;
            } else {
                if (METACHARACTERS.indexOf(c) >= 0 || c == '$') {
                    throw new CommandRefused("'" + c + "' in a node command: commands run without a shell"
                            + " (no pipes, redirects, substitutions or globs); quote literal text with '...' and filter with extract", i);
                }
                word.append(c);
                i++;
            }
        }
        if (start >= 0) add(argv, offsets, word, start, words);
        if (argv.isEmpty()) throw new CommandRefused("empty node command", 0);
        Split split = new Split(List.copyOf(argv), List.copyOf(offsets));
        AllowList.check(split.words());
        return split;
    }

    private static void add(List<Text> argv, List<Integer> offsets, StringBuilder word, int start, Words words) {
        String text = word.toString();
        word.setLength(0);
        argv.add(words.word(text, start));
        offsets.add(start);
    }
}
