import java.io.*;
import java.nio.*;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;

/**
 * Reads a live HPROF heap dump, counts instances per class, builds the shortest-path tree from the GC roots (BFS) and,
 * for every instance of the target class, prints the path to its root summarised by the classes on the way.
 * Usage: java HprofPaths.java dump.hprof [targetClass] [pathDepth]
 */
public class HprofPaths {
    static int idSize;
    static MappedByteBuffer[] maps; static long fileSize;
    static final long CHUNK = 1L << 30;
    static long pos;
    static byte u1() { long p = pos++; return maps[(int) (p / CHUNK)].get((int) (p % CHUNK)); }
    static int u2() { return ((u1() & 0xff) << 8) | (u1() & 0xff); }
    static int u4() { return (u2() << 16) | u2(); }
    static long id() { return idSize == 8 ? ((long) u4() << 32) | (u4() & 0xffffffffL) : u4() & 0xffffffffL; }
    static void skip(long n) { pos += n; }

    // object id -> index
    static long[] keys = new long[1 << 24]; static int[] vals = new int[1 << 24]; static int used;
    static void put(long k, int v) { if (used * 2 > keys.length) rehash(); int i = slot(k); if (keys[i] == 0) used++; keys[i] = k; vals[i] = v; }
    static int slot(long k) { int m = keys.length - 1; int i = (int) (mix(k) & m); while (keys[i] != 0 && keys[i] != k) i = (i + 1) & m; return i; }
    static int get(long k) { if (k == 0) return -1; int i = slot(k); return keys[i] == k ? vals[i] : -1; }
    static long mix(long k) { k ^= k >>> 33; k *= 0xff51afd7ed558ccdL; k ^= k >>> 33; return k; }
    static void rehash() { long[] ok = keys; int[] ov = vals; keys = new long[ok.length * 2]; vals = new int[ok.length * 2]; used = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != 0) put(ok[i], ov[i]); }

    static Map<Long, String> strings = new HashMap<>();
    static Map<Long, String> classNames = new HashMap<>();
    static Map<Long, Long> superOf = new HashMap<>();
    static Map<Long, byte[]> fieldTypes = new HashMap<>(); // instance field types, own class only
    static Map<Long, long[]> fieldNames = new HashMap<>();
    // per object
    static long[] objId = new long[1 << 20]; static long[] objClass = new long[1 << 20]; static int[] objSize = new int[1 << 20];
    static long[] objPos = new long[1 << 20]; static byte[] objKind = new byte[1 << 20]; static int n;
    static List<Long> roots = new ArrayList<>();

    static int typeSize(int t) { return switch (t) { case 2 -> idSize; case 4, 8 -> 1; case 5, 9 -> 2; case 6, 10 -> 4; case 7, 11 -> 8; default -> throw new IllegalStateException("type " + t); }; }

    static void addObj(long id, long cls, int size, long p, byte kind) {
        if (n == objId.length) { int m = n * 2; objId = Arrays.copyOf(objId, m); objClass = Arrays.copyOf(objClass, m); objSize = Arrays.copyOf(objSize, m); objPos = Arrays.copyOf(objPos, m); objKind = Arrays.copyOf(objKind, m); }
        objId[n] = id; objClass[n] = cls; objSize[n] = size; objPos[n] = p; objKind[n] = kind; put(id, n); n++;
    }

    public static void main(String[] a) throws Exception {
        String target = a.length > 1 ? a[1] : "io.fabric8.kubernetes.api.model.ObjectMeta";
        int depth = a.length > 2 ? Integer.parseInt(a[2]) : 40;
        try (FileChannel ch = FileChannel.open(Path.of(a[0]))) {
            fileSize = ch.size(); maps = new MappedByteBuffer[(int) ((fileSize + CHUNK - 1) / CHUNK)];
            for (int i = 0; i < maps.length; i++) maps[i] = ch.map(FileChannel.MapMode.READ_ONLY, i * CHUNK, Math.min(CHUNK, fileSize - i * CHUNK));
        }
        while (u1() != 0) { }
        idSize = u4(); skip(8);
        while (pos < fileSize) {
            int tag = u1() & 0xff; skip(4); long len = u4() & 0xffffffffL; long end = pos + len;
            if (tag == 0x01) { long sid = id(); byte[] b = new byte[(int) (len - idSize)]; for (int i = 0; i < b.length; i++) b[i] = u1(); strings.put(sid, new String(b)); }
            else if (tag == 0x02) { skip(4); long cid = id(); skip(4); long nid = id(); classNames.put(cid, strings.getOrDefault(nid, "?").replace('/', '.')); }
            else if (tag == 0x0C || tag == 0x1C) heap(end);
            pos = end;
        }
        System.err.println("objects " + n + ", roots " + roots.size());
        // histogram
        Map<Long, long[]> hist = new HashMap<>();
        for (int i = 0; i < n; i++) { long[] h = hist.computeIfAbsent(objClass[i], k -> new long[2]); h[0]++; h[1] += objSize[i]; }
        long total = 0; for (long[] h : hist.values()) total += h[1];
        System.out.printf("live objects %d, shallow bytes %.1f MiB%n", n, total / 1048576.0);
        hist.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(40)
            .forEach(e -> System.out.printf("%10d %12d  %s%n", e.getValue()[0], e.getValue()[1], name(e.getKey())));
        for (var e : hist.entrySet()) if (name(e.getKey()).contains("kubernetes.api.model") && !name(e.getKey()).endsWith("[]"))
            if (e.getValue()[0] > 500) System.out.printf("model %8d %s%n", e.getValue()[0], name(e.getKey()));
        // BFS from roots
        int[] parent = new int[n]; Arrays.fill(parent, -2);
        int[] queue = new int[n]; int qh = 0, qt = 0;
        for (long r : roots) { int i = get(r); if (i >= 0 && parent[i] == -2) { parent[i] = -1; queue[qt++] = i; } }
        while (qh < qt) {
            int i = queue[qh++];
            for (long ref : refs(i)) { int j = get(ref); if (j >= 0 && parent[j] == -2) { parent[j] = i; queue[qt++] = j; } }
        }
        System.out.printf("reachable from roots: %d of %d%n", qt, n);
        // paths of target instances
        Map<String, Integer> paths = new TreeMap<>();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!name(objClass[i]).equals(target)) continue;
            count++;
            StringBuilder sb = new StringBuilder(); String last = null; int d = 0;
            for (int j = parent[i]; j >= 0 && d < depth; j = parent[j], d++) {
                String c = objKind[j] == 0 ? "static " + name(objId[j]) : name(objClass[j]);
                if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("[")) c = c.replaceAll("\\$.*", "");
                if (!c.equals(last)) { sb.append(" <- ").append(c); last = c; }
            }
            paths.merge(sb.toString(), 1, Integer::sum);
        }
        System.out.println(target + " instances: " + count);
        paths.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(30)
            .forEach(e -> System.out.printf("%7d %s%n", e.getValue(), e.getKey()));
    }

    static String name(long cls) { return classNames.getOrDefault(cls, "?" + cls); }

    static void heap(long end) {
        while (pos < end) {
            int t = u1() & 0xff;
            switch (t) {
                case 0xFF -> roots.add(id());
                case 0x01 -> { roots.add(id()); id(); }
                case 0x02, 0x03 -> { roots.add(id()); skip(8); }
                case 0x04 -> { roots.add(id()); skip(4); }
                case 0x05, 0x07 -> roots.add(id());
                case 0x06 -> { roots.add(id()); skip(4); }
                case 0x08 -> { roots.add(id()); skip(8); }
                case 0x20 -> classDump();
                case 0x21 -> { long p = pos; long oid = id(); skip(4); long cid = id(); int len = u4(); addObj(oid, cid, len + 16, p, (byte) 1); skip(len); }
                case 0x22 -> { long p = pos; long oid = id(); skip(4); int cnt = u4(); long cid = id(); addObj(oid, cid, 16 + cnt * idSize, p, (byte) 2); skip((long) cnt * idSize); }
                case 0x23 -> { long oid = id(); skip(4); int cnt = u4(); int et = u1(); long cid = -et; classNames.putIfAbsent(cid, primName(et)); addObj(oid, cid, 16 + cnt * typeSize(et), 0, (byte) 3); skip((long) cnt * typeSize(et)); }
                default -> throw new IllegalStateException("sub-tag " + Integer.toHexString(t) + " at " + pos);
            }
        }
    }

    static String primName(int t) { return switch (t) { case 4 -> "boolean[]"; case 5 -> "char[]"; case 6 -> "float[]"; case 7 -> "double[]"; case 8 -> "byte[]"; case 9 -> "short[]"; case 10 -> "int[]"; default -> "long[]"; }; }

    static void classDump() {
        long cid = id(); skip(4); long sup = id(); skip(idSize * 5L); int isz = u4();
        superOf.put(cid, sup);
        int cp = u2(); for (int i = 0; i < cp; i++) { skip(2); int ty = u1(); skip(typeSize(ty)); }
        int st = u2(); List<Long> staticRefs = new ArrayList<>();
        for (int i = 0; i < st; i++) { id(); int ty = u1(); if (ty == 2) staticRefs.add(id()); else skip(typeSize(ty)); }
        int fc = u2(); byte[] ft = new byte[fc]; long[] fn = new long[fc];
        for (int i = 0; i < fc; i++) { fn[i] = id(); ft[i] = u1(); }
        fieldTypes.put(cid, ft); fieldNames.put(cid, fn);
        // a class object: its statics are references (treated as roots through the class, which is a sticky root)
        addObj(cid, cid == 0 ? 0 : -100, 0, 0, (byte) 0);
        classStatics.put(cid, staticRefs.stream().mapToLong(Long::longValue).toArray());
    }
    static Map<Long, long[]> classStatics = new HashMap<>();

    static long[] refs(int i) {
        byte kind = objKind[i];
        if (kind == 0) return classStatics.getOrDefault(objId[i], new long[0]);
        if (kind == 3) return new long[0];
        long save = pos; pos = objPos[i];
        try {
            if (kind == 2) { id(); skip(4); int cnt = u4(); id(); long[] r = new long[cnt]; for (int k = 0; k < cnt; k++) r[k] = id(); return r; }
            id(); skip(4); long cid = id(); u4();
            long[] out = new long[16]; int m = 0;
            out[m++] = cid;
            for (long c = cid; c != 0; c = superOf.getOrDefault(c, 0L)) {
                for (byte ty : fieldTypes.getOrDefault(c, new byte[0])) {
                    if (ty == 2) { if (m == out.length) out = Arrays.copyOf(out, m * 2); out[m++] = id(); } else skip(typeSize(ty));
                }
            }
            return Arrays.copyOf(out, m);
        } finally { pos = save; }
    }
}
