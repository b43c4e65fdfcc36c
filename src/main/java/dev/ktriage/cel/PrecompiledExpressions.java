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
    /** Records added but not read yet: `list` never needs them, so they are decoded on first use. */
    private final java.util.List<byte[]> pending = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PrecompiledExpressions(Supplier<ExpressionSource> compiler) {
        this.compiler = compiler;
    }

    @Override
    public Compiled compile(String source, Map<String, String> variables) {
        if (!pending.isEmpty()) decodePending();
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
        return signature(variables) + "\u0000" + source;
    }

    private record Signed(Map<String, String> env, String signature) {
    }

    /** A loader asks with the same unchanging map many times in a row: its signature is made once. */
    private static volatile Signed last = new Signed(Map.of(), "{}");

    private static String signature(Map<String, String> variables) {
        Signed s = last;
        if (s.env() == variables) return s.signature();
        String sig = new TreeMap<>(variables).toString();
        last = new Signed(variables, sig);
        return sig;
    }

    private synchronized void decodePending() {
        for (byte[] b : pending) {
            try {
                read(b);
            } catch (IOException e) {
                // a record that cannot be read only costs compiling again
            }
            pending.remove(b);
        }
    }

    /** Everything compiled or read so far, for the catalog cache. */
    public byte[] encode() {
        if (!pending.isEmpty()) decodePending();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            Map<String, Compiled> all = new TreeMap<>(known);
            // environments repeat (a playbook compiles hundreds of expressions against one): each is written once
            Map<String, Integer> envs = new java.util.LinkedHashMap<>();
            for (String key : all.keySet()) envs.putIfAbsent(key.substring(0, key.indexOf('\u0000')), envs.size());
            out.writeInt(envs.size());
            for (String env : envs.keySet()) CExprCodec.writeString(out, env);
            out.writeInt(all.size());
            for (Map.Entry<String, Compiled> e : all.entrySet()) {
                String key = e.getKey();
                int cut = key.indexOf('\u0000');
                out.writeInt(envs.get(key.substring(0, cut)));
                CExprCodec.write(out, e.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds what an earlier {@link #encode()} kept; it is read when an expression is first asked for. */
    public void add(byte[] encoded) {
        pending.add(encoded);
    }

    private void read(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        int envCount = in.readInt();
        if (envCount < 0 || envCount > 1_000_000) throw new IOException("bad count " + envCount);
        String[] envs = new String[envCount];
        for (int i = 0; i < envCount; i++) envs[i] = CExprCodec.readString(in);
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) throw new IOException("bad count " + n);
        for (int i = 0; i < n; i++) {
            int env = in.readInt();
            if (env < 0 || env >= envCount) throw new IOException("bad environment " + env);
            Compiled c = CExprCodec.read(in);
            known.put(envs[env] + "\u0000" + c.source(), c);
        }
    }
}
