package dev.ktriage.yaml;

/** Where a value came from, for error messages an author can click: {@code file:line:column}. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
