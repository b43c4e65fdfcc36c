package dev.ktriage.yaml;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML documents as read ({@link YNode} trees with every line and column) in a compact binary form,
 * so that a cache can give them back without parsing YAML again. All nodes of a tree share one file.
 */
public final class YNodeCodec {

    private static final int MAP = 0;
    private static final int LIST = 1;
    private static final int SCALAR = 2;
    private static final YNode.ScalarType[] TYPES = YNode.ScalarType.values();

    private YNodeCodec() {
    }

    public static void write(DataOutput out, List<YNode> docs) throws IOException {
        out.writeInt(docs.size());
        for (YNode d : docs) node(out, d);
    }

    /** @param file the file every location names (the display name the documents were read with) */
    public static List<YNode> read(DataInput in, String file) throws IOException {
        int n = count(in);
        List<YNode> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) docs.add(node(in, file));
        return docs;
    }

    public static void writeString(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInput in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void node(DataOutput out, YNode n) throws IOException {
        if (n instanceof YNode.YMap m) {
            out.writeByte(MAP);
            location(out, m.at());
            out.writeInt(m.entries().size());
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                writeString(out, e.getKey());
                location(out, m.keyAt(e.getKey()));
                node(out, e.getValue());
            }
        } else if (n instanceof YNode.YList l) {
            out.writeByte(LIST);
            location(out, l.at());
            out.writeInt(l.items().size());
            for (YNode item : l.items()) node(out, item);
        } else {
            YNode.YScalar s = (YNode.YScalar) n;
            out.writeByte(SCALAR);
            location(out, s.at());
            out.writeByte(s.type().ordinal());
            out.writeBoolean(s.isNull());
            out.writeBoolean(s.text() != null);
            if (s.text() != null) writeString(out, s.text());
        }
    }

    private static YNode node(DataInput in, String file) throws IOException {
        int tag = in.readByte();
        Location at = location(in, file);
        switch (tag) {
            case MAP -> {
                int n = count(in);
                Map<String, YNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = readString(in);
                    keys.put(key, location(in, file));
                    entries.put(key, node(in, file));
                }
                return new YNode.YMap(at, entries, keys);
            }
            case LIST -> {
                int n = count(in);
                List<YNode> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(node(in, file));
                return new YNode.YList(at, items);
            }
            case SCALAR -> {
                int type = in.readByte();
                if (type < 0 || type >= TYPES.length) throw new IOException("bad scalar type " + type);
                boolean isNull = in.readBoolean();
                String text = in.readBoolean() ? readString(in) : null;
                return new YNode.YScalar(at, text, isNull, TYPES[type]);
            }
            default -> throw new IOException("bad node tag " + tag);
        }
    }

    private static void location(DataOutput out, Location l) throws IOException {
        out.writeInt(l.line());
        out.writeInt(l.column());
    }

    private static Location location(DataInput in, String file) throws IOException {
        return new Location(file, in.readInt(), in.readInt());
    }

    /** A length or count; a corrupt one fails here instead of allocating a huge array. */
    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 26)) throw new IOException("bad count " + n);
        return n;
    }
}
