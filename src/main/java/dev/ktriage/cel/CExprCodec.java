package dev.ktriage.cel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@link Compiled} expressions to bytes and back, for the catalog cache. */
final class CExprCodec {

    private static final int NULL = 0, BOOL = 1, INT = 2, DOUBLE = 3, STRING = 4, IDENT = 5, SELECT = 6, CALL = 7, LIST = 8,
            MAP = 9, LOOP = 10;

    private CExprCodec() {
    }

    static void write(DataOutput out, Compiled c) throws IOException {
        writeString(out, c.source());
        writeString(out, c.type());
        node(out, c.expr());
    }

    static Compiled read(DataInput in) throws IOException {
        String source = readString(in);
        String type = readString(in);
        return new Compiled(source, node(in), type);
    }

    private static void node(DataOutput out, CExpr e) throws IOException {
        if (e instanceof CExpr.Const c) {
            Object v = c.value();
            if (v == null) out.writeByte(NULL);
            else if (v instanceof Boolean b) {
                out.writeByte(BOOL);
                out.writeBoolean(b);
            } else if (v instanceof Long l) {
                out.writeByte(INT);
                out.writeLong(l);
            } else if (v instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else {
                out.writeByte(STRING);
                writeString(out, (String) v);
            }
        } else if (e instanceof CExpr.Ident i) {
            out.writeByte(IDENT);
            writeString(out, i.name());
        } else if (e instanceof CExpr.Select s) {
            out.writeByte(SELECT);
            node(out, s.operand());
            writeString(out, s.field());
            out.writeBoolean(s.testOnly());
        } else if (e instanceof CExpr.Call c) {
            out.writeByte(CALL);
            writeString(out, c.function());
            out.writeBoolean(c.target() != null);
            if (c.target() != null) node(out, c.target());
            nodes(out, c.args());
        } else if (e instanceof CExpr.ListOf l) {
            out.writeByte(LIST);
            nodes(out, l.elements());
        } else if (e instanceof CExpr.MapOf m) {
            out.writeByte(MAP);
            nodes(out, m.keys());
            nodes(out, m.values());
        } else {
            CExpr.Loop l = (CExpr.Loop) e;
            out.writeByte(LOOP);
            writeString(out, l.iterVar());
            writeString(out, l.accuVar());
            for (CExpr x : List.of(l.range(), l.accuInit(), l.condition(), l.step(), l.result())) node(out, x);
        }
        out.writeInt(e.offset());
    }

    private static void nodes(DataOutput out, List<CExpr> list) throws IOException {
        out.writeInt(list.size());
        for (CExpr x : list) node(out, x);
    }

    private static CExpr node(DataInput in) throws IOException {
        int tag = in.readByte();
        CExpr e;
        switch (tag) {
            case NULL -> e = new CExpr.Const(null, 0);
            case BOOL -> e = new CExpr.Const(in.readBoolean(), 0);
            case INT -> e = new CExpr.Const(in.readLong(), 0);
            case DOUBLE -> e = new CExpr.Const(in.readDouble(), 0);
            case STRING -> e = new CExpr.Const(readString(in), 0);
            case IDENT -> e = new CExpr.Ident(readString(in), 0);
            case SELECT -> {
                CExpr operand = node(in);
                e = new CExpr.Select(operand, readString(in), in.readBoolean(), 0);
            }
            case CALL -> {
                String fn = readString(in);
                CExpr target = in.readBoolean() ? node(in) : null;
                e = new CExpr.Call(fn, target, nodes(in), 0);
            }
            case LIST -> e = new CExpr.ListOf(nodes(in), 0);
            case MAP -> {
                List<CExpr> keys = nodes(in);
                e = new CExpr.MapOf(keys, nodes(in), 0);
            }
            case LOOP -> {
                String iter = readString(in);
                String accu = readString(in);
                CExpr range = node(in);
                CExpr init = node(in);
                CExpr cond = node(in);
                CExpr step = node(in);
                e = new CExpr.Loop(iter, range, accu, init, cond, step, node(in), 0);
            }
            default -> throw new IOException("bad expression tag " + tag);
        }
        return withOffset(e, in.readInt());
    }

    private static CExpr withOffset(CExpr e, int at) {
        if (e instanceof CExpr.Const c) return new CExpr.Const(c.value(), at);
        if (e instanceof CExpr.Ident i) return new CExpr.Ident(i.name(), at);
        if (e instanceof CExpr.Select s) return new CExpr.Select(s.operand(), s.field(), s.testOnly(), at);
        if (e instanceof CExpr.Call c) return new CExpr.Call(c.function(), c.target(), c.args(), at);
        if (e instanceof CExpr.ListOf l) return new CExpr.ListOf(l.elements(), at);
        if (e instanceof CExpr.MapOf m) return new CExpr.MapOf(m.keys(), m.values(), at);
        CExpr.Loop l = (CExpr.Loop) e;
        return new CExpr.Loop(l.iterVar(), l.range(), l.accuVar(), l.accuInit(), l.condition(), l.step(), l.result(), at);
    }

    private static List<CExpr> nodes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) throw new IOException("bad count " + n);
        List<CExpr> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(node(in));
        return out;
    }

    static void writeString(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) throw new IOException("bad string length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
