package dev.ktriage.cel;

import java.math.BigInteger;

/** IP addresses and CIDR ranges, parsed by hand: a name never triggers a DNS lookup. */
final class Addresses {

    private Addresses() {
    }

    /** 4 for an IPv4 address, 6 for IPv6, 0 for anything else. */
    static int family(String s) {
        return bytes(s) == null ? 0 : bytes(s).length == 4 ? 4 : 6;
    }

    static boolean inCidr(String ip, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + cidr + "' is not a CIDR range");
        byte[] net = bytes(cidr.substring(0, slash));
        byte[] addr = bytes(ip);
        if (net == null) throw new IllegalArgumentException("'" + cidr + "' is not a CIDR range");
        if (addr == null) throw new IllegalArgumentException("'" + ip + "' is not an IP address");
        if (net.length != addr.length) return false;
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        if (bits < 0 || bits > net.length * 8) throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
        BigInteger mask = BigInteger.ONE.shiftLeft(net.length * 8).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(net.length * 8 - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
    }

    static byte[] bytes(String s) {
        if (s.indexOf(':') >= 0) return v6(s);
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) return null;
            int v = Integer.parseInt(parts[i]);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] v6(String s) {
        String addr = s;
        int pct = addr.indexOf('%');
        if (pct >= 0) addr = addr.substring(0, pct);
        if (!addr.matches("[0-9A-Fa-f:.]+")) return null;
        String[] halves = addr.split("::", -1);
        if (halves.length > 2) return null;
        java.util.List<Integer> head = groups(halves[0]);
        java.util.List<Integer> tail = halves.length == 2 ? groups(halves[1]) : java.util.List.of();
        if (head == null || tail == null) return null;
        int missing = 8 - head.size() - tail.size();
        if (halves.length == 1 ? missing != 0 : missing < 1) return null;
        byte[] out = new byte[16];
        int i = 0;
        for (int g : head) {
            out[i++] = (byte) (g >> 8);
            out[i++] = (byte) g;
        }
        i += missing * 2;
        for (int g : tail) {
            out[i++] = (byte) (g >> 8);
            out[i++] = (byte) g;
        }
        return out;
    }

    /** Hex groups, the last of which may be a dotted IPv4 address (two groups). */
    private static java.util.List<Integer> groups(String part) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (part.isEmpty()) return out;
        String[] gs = part.split(":", -1);
        for (int k = 0; k < gs.length; k++) {
            String g = gs[k];
            if (k == gs.length - 1 && g.contains(".")) {
                byte[] v4 = bytes(g);
                if (v4 == null) return null;
                out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else if (g.matches("[0-9A-Fa-f]{1,4}")) {
                out.add(Integer.parseInt(g, 16));
            } else {
                return null;
            }
        }
        return out;
    }
}
