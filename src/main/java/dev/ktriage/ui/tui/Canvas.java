package dev.ktriage.ui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;

/**
 * Lanterna's TextGraphics with what every view needs: text clipped to the screen, a few named
 * styles, word wrapping. Marks that matter ({@code [x]}, {@code >}) are characters, not only colours,
 * so a monochrome terminal or a screen capture still shows them.
 */
final class Canvas {

    /** PATH: a file path that must stay whole (the end screen draws it from the first column). */
    enum Style { NORMAL, BOLD, DIM, BAR, SELECTED, MATCH, COMMAND, GOOD, WARN, PATH }

    final int cols;
    final int rows;
    private final TextGraphics g;

    Canvas(TextGraphics g, int cols, int rows) {
        this.g = g;
        this.cols = cols;
        this.rows = rows;
    }

    void text(int col, int row, String s, Style style) {
        text(col, row, s, style, cols - col);
    }

    /** Writes at most {@code width} columns; styles that mark a line fill it to that width. */
    void text(int col, int row, String s, Style style, int width) {
        if (row < 0 || row >= rows || col >= cols || width <= 0) return;
        String clean = sanitize(s).replace('\n', ' ');
        width = Math.min(width, cols - col);
        if (clean.length() > width) clean = width > 1 ? clean.substring(0, width - 1) + "~" : clean.substring(0, width);
        if (style == Style.BAR || style == Style.SELECTED || style == Style.MATCH) clean = pad(clean, width);
        apply(style);
        g.putString(col, row, clean);
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    }

    private void apply(Style style) {
        switch (style) {
            case BOLD -> g.enableModifiers(SGR.BOLD);
            case DIM -> g.setForegroundColor(TextColor.ANSI.WHITE);
            case BAR, SELECTED -> g.enableModifiers(SGR.REVERSE);
            case MATCH -> {
                g.setForegroundColor(TextColor.ANSI.BLACK);
                g.setBackgroundColor(TextColor.ANSI.YELLOW);
            }
            case COMMAND -> g.setForegroundColor(TextColor.ANSI.CYAN);
            case GOOD -> {
                g.setForegroundColor(TextColor.ANSI.GREEN);
                g.enableModifiers(SGR.BOLD);
            }
            case WARN -> {
                g.setForegroundColor(TextColor.ANSI.RED);
                g.enableModifiers(SGR.BOLD);
            }
            default -> { }
        }
    }

    /** Wraps at spaces; keeps the text's own line breaks; cuts words longer than a line. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        if (width <= 0) return out;
        for (String para : sanitize(text == null ? "" : text).lines().toList()) {
            String indent = para.substring(0, para.length() - para.stripLeading().length());
            if (indent.length() > width / 2) indent = "";
            StringBuilder line = new StringBuilder(indent);
            for (String word : para.strip().split(" +")) {
                while (word.length() > width - indent.length()) {
                    if (line.length() > indent.length()) {
                        out.add(line.toString());
                        line = new StringBuilder(indent);
                    }
                    int cut = width - indent.length();
                    out.add(indent + word.substring(0, cut));
                    word = word.substring(cut);
                }
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) line.append(' ');
                line.append(word);
            }
            out.add(line.toString());
        }
        return out;
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Cluster text can hold tabs and control characters; the screen must not interpret them. */
    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') b.append("    ");
            else if (c == '\n' || c == '\r') b.append(c == '\n' ? '\n' : ' ');
            else if (Character.isISOControl(c)) b.append('?');
            else b.append(c);
        }
        return b.toString();
    }
}
