package dev.ktriage.cli;

import java.io.UncheckedIOException;

/** The message an operator sees for a failure: one line, the cause that explains it. */
final class Errors {

    private Errors() {
    }

    static String oneLine(Throwable t) {
        Throwable e = t;
        if (e instanceof UncheckedIOException u && u.getMessage() != null) return firstLine(u.getMessage());
        while (e.getMessage() == null && e.getCause() != null) e = e.getCause();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return firstLine(msg) + (e.getMessage() == null || t.getMessage() != null ? "" : " (" + e.getClass().getSimpleName() + ")");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
