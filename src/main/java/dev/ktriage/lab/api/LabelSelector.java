package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A label selector with the set-based forms (key in (a,b), key notin (a), key, !key, key!=v). */
record LabelSelector(List<Requirement> requirements) {

    enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS }

    record Requirement(String key, Op op, Set<String> values) {
        boolean matches(JsonNode labels) {
            JsonNode v = labels.get(key);
            boolean has = v != null && !v.isNull();
            String value = has ? v.asText() : null;
            return switch (op) {
                case EXISTS -> has;
                case NOT_EXISTS -> !has;
                case EQUALS, IN -> has && values.contains(value);
                // As on the real server: a label that is absent satisfies != and notin.
                case NOT_EQUALS, NOT_IN -> !has || !values.contains(value);
            };
        }
    }

    private static final Pattern SET = Pattern.compile("^([^\\s!=,()]+)\\s+(in|notin)\\s*\\(([^)]*)\\)$");
    private static final Pattern COMPARE = Pattern.compile("^([^\\s!=,()]+)\\s*(==|!=|=)\\s*([^\\s!=,()]*)$");
    private static final Pattern KEY = Pattern.compile("^(!?)\\s*([^\\s!=,()]+)$");

    static LabelSelector parse(String selector) {
        List<Requirement> reqs = new ArrayList<>();
        if (selector == null || selector.isBlank()) return new LabelSelector(reqs);
        for (String term : splitTerms(selector)) {
            String t = term.strip();
            Matcher m;
            if ((m = SET.matcher(t)).matches()) {
                Set<String> values = new java.util.LinkedHashSet<>();
                for (String v : m.group(3).split(",")) if (!v.isBlank()) values.add(v.strip());
                reqs.add(new Requirement(m.group(1), m.group(2).equals("in") ? Op.IN : Op.NOT_IN, values));
            } else if ((m = COMPARE.matcher(t)).matches()) {
                reqs.add(new Requirement(m.group(1), m.group(2).equals("!=") ? Op.NOT_EQUALS : Op.EQUALS, Set.of(m.group(3))));
            } else if ((m = KEY.matcher(t)).matches()) {
                reqs.add(new Requirement(m.group(2), m.group(1).isEmpty() ? Op.EXISTS : Op.NOT_EXISTS, Set.of()));
            } else {
                throw new IllegalArgumentException("unable to parse requirement: found '" + t + "', expected: label selector term");
            }
        }
        return new LabelSelector(reqs);
    }

    /** Commas separate terms, except inside the parentheses of in/notin. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    boolean matches(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        return requirements.stream().allMatch(r -> r.matches(labels));
    }
}
