package dev.ktriage.cel.compile;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;

/**
 * ktriage's type names ({@code string}, {@code list(string)}, {@code map(string,dyn)}, {@code T})
 * to CEL's types and back: how declarations are written, and how a variable's inferred type is
 * remembered between compilations.
 */
final class CelTypes {

    private CelTypes() {
    }

    static CelType parse(String name) {
        String t = name.replace(" ", "");
        if (t.startsWith("list(") && t.endsWith(")")) return ListType.create(parse(t.substring(5, t.length() - 1)));
        if (t.startsWith("map(") && t.endsWith(")")) {
            String inner = t.substring(4, t.length() - 1);
            int comma = topLevelComma(inner);
            return MapType.create(parse(inner.substring(0, comma)), parse(inner.substring(comma + 1)));
        }
        return switch (t) {
            case "string" -> SimpleType.STRING;
            case "int" -> SimpleType.INT;
            case "double" -> SimpleType.DOUBLE;
            case "bool" -> SimpleType.BOOL;
            case "dyn" -> SimpleType.DYN;
            case "null" -> SimpleType.NULL_TYPE;
            default -> {
                if (t.matches("[A-Z]")) yield TypeParamType.create(t);
                throw new IllegalArgumentException("unknown type '" + name + "'");
            }
        };
    }

    static String name(CelType t) {
        if (t instanceof ListType l) return "list(" + name(l.elemType()) + ")";
        if (t instanceof MapType m) return "map(" + name(m.keyType()) + "," + name(m.valueType()) + ")";
        if (t == SimpleType.STRING) return "string";
        if (t == SimpleType.INT) return "int";
        if (t == SimpleType.DOUBLE) return "double";
        if (t == SimpleType.BOOL) return "bool";
        if (t == SimpleType.NULL_TYPE) return "null";
        return "dyn"; // type parameters, errors, anything else: known only at run time
    }

    private static int topLevelComma(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) return i;
        }
        throw new IllegalArgumentException("map type needs key and value: map(" + s + ")");
    }
}
