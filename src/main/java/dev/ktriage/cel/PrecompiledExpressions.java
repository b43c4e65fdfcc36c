package dev.ktriage.cel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checked expressions kept from an earlier compile (the catalog cache's), with the compiler behind
 * them for anything new. With a warm cache no expression is compiled, so cel-java's classes are
 * never loaded: the compiler is only made on the first miss.
 */
public final class PrecompiledExpressions implements ExpressionSource {

    private final Map<String, Compiled> known = new ConcurrentHashMap<>();
    private final Supplier<ExpressionSource> compiler;
    private volatile ExpressionSource made;

    public PrecompiledExpressions(Supplier<ExpressionSource> compiler) {
        this.compiler = compiler;
    }

    @Override
    public Compiled compile(String source, Map<String, String> variables) {
        String key = key(source, variables);
        Compiled c = known.get(key);
        if (c != null) return c;
        c = compilerNow().compile(source, variables);
        known.put(key, c);
        return c;
    }

    private ExpressionSource compilerNow() {
        ExpressionSource m = made;
        if (m == null) {
            synchronized (this) {
                if (made == null) made = compiler.get();
                m = made;
            }
        }
        return m;
    }

    private static String key(String source, Map<String, String> variables) {
        return new TreeMap<>(variables) + "\u0000" + source;
    }

    /** Everything compiled or read so far, for the catalog cache. */
    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            Map<String, Compiled> all = new TreeMap<>(known);
            out.writeInt(all.size());
            for (Map.Entry<String, Compiled> e : all.entrySet()) {
                CExprCodec.writeString(out, e.getKey());
                CExprCodec.write(out, e.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds what an earlier {@link #encode()} kept. @throws IOException when the bytes are not such a record */
    public void add(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) throw new IOException("bad count " + n);
        for (int i = 0; i < n; i++) {
            String key = CExprCodec.readString(in);
            known.put(key, CExprCodec.read(in));
        }
    }
}
