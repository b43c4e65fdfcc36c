package dev.ktriage;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dev.ktriage} packages one Java source file refers to: through its imports and through
 * qualified names in its code ({@code new dev.ktriage.engine.SessionListener()} is a dependency as
 * much as an import is). Comments and literals are left out first: a Javadoc link is no dependency,
 * and a string such as "/proc/*" must not be taken for the start of a comment that hides code.
 */
final class SourceReferences {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package ([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A package name (lower-case segments) followed by a type or a wildcard. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(dev\\.ktriage(?:\\.[a-z_]\\w*)*)\\s*\\.\\s*(?:[A-Z]|\\*)");

    private final String pkg;
    private final Set<String> packages;

    private SourceReferences(String pkg, Set<String> packages) {
        this.pkg = pkg;
        this.packages = packages;
    }

    static SourceReferences of(String source) {
        String code = codeOnly(source);
        Matcher pm = PACKAGE.matcher(code);
        String pkg = pm.find() ? pm.group(1) : "";
        Set<String> packages = new TreeSet<>();
        Matcher qm = QUALIFIED.matcher(code);
        while (qm.find()) {
            if (!qm.group(1).equals(pkg)) packages.add(qm.group(1));
        }
        return new SourceReferences(pkg, packages);
    }

    /** The file's own package. */
    String pkg() {
        return pkg;
    }

    /** The other {@code dev.ktriage} packages it refers to. */
    Set<String> packages() {
        return packages;
    }

    /** The source with comments removed and every string, text block and char literal emptied. */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                i = literalEnd(s, i + 3, "\"\"\"");
                out.append("\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                String quote = String.valueOf(s.charAt(i));
                i = literalEnd(s, i + 1, quote);
                out.append(quote).append(quote);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Just past the closing {@code quote}, stepping over backslash escapes. */
    private static int literalEnd(String s, int from, String quote) {
        int j = from;
        while (j < s.length() && !s.startsWith(quote, j)) j += s.charAt(j) == '\\' ? 2 : 1;
        return Math.min(s.length(), j + quote.length());
    }
}
