package dev.ktriage.playbook.read;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code {table: header}} or {@code {table: "col1 col2 col3"}}: whitespace-separated columns as a
 * list of rows, each a map from column name to text ({@code ss}, {@code /proc/net/*},
 * {@code crictl ps}). With {@code header} the first line names the columns; otherwise the argument
 * does. The last column takes the rest of its line; a row with fewer fields leaves the later
 * columns out. {@code skip: N} drops N lines first.
 */
public final class TableReader implements Extractor {

    @Override
    public String type() {
        return "table";
    }

    @Override
    public Set<String> options() {
        return Set.of("skip");
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "list(map(string,string))";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        String arg = argument.strip();
        if (arg.isEmpty()) throw new IllegalArgumentException("table needs 'header' or the column names");
        boolean header = arg.equals("header");
        List<String> named = header ? List.of() : List.of(arg.split("\\s+"));
        int skip;
        try {
            skip = Integer.parseInt(options.getOrDefault("skip", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("skip: is a number of lines");
        }
        return answer -> {
            List<String> lines = new ArrayList<>(TextLines.of(answer.text()));
            lines = lines.subList(Math.min(skip, lines.size()), lines.size());
            List<String> columns = named;
            if (header) {
                if (lines.isEmpty()) throw new NothingFound("no header line");
                columns = List.of(lines.get(0).strip().split("\\s+"));
                lines = lines.subList(1, lines.size());
            }
            List<Object> rows = new ArrayList<>();
            for (String line : lines) {
                if (line.isBlank()) continue;
                String[] fields = line.strip().split("\\s+", columns.size());
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < fields.length && i < columns.size(); i++) row.put(columns.get(i), fields[i]);
                rows.add(row);
            }
            return new Extracted(rows, List.of());
        };
    }
}
