package dev.ktriage.ui.repl;

import java.io.Writer;
import java.util.function.Consumer;

/**
 * A writer that hands each complete line to the REPL's printer as it is written, so a shared
 * command's output (a plugin's scenarios, one by one) shows while it runs, above the prompt.
 */
final class LineWriter extends Writer {

    private final Consumer<String> print;
    private final StringBuilder line = new StringBuilder();

    LineWriter(Consumer<String> print) {
        this.print = print;
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    /** Only whole lines: a partial one waits for its end, or for {@link #close()}. */
    @Override
    public void flush() {
    }

    /** Prints what is left of an unfinished line. */
    @Override
    public synchronized void close() {
        if (line.length() > 0) emit();
    }

    private void emit() {
        String s = line.toString();
        line.setLength(0);
        print.accept(s);
    }
}
