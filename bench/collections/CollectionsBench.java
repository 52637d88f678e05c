import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The battle engine's catalog queries against a running StoryVault: loads N animations and N effects through the
 * API, then animations by category and skeleton requirement and effects by type and linked ability, sorted by
 * name, pages of 20 — at 64 connections, beside the same SQL run directly on the same database (JDBC, 64
 * connections), and at 1,000 connections for 30 s.
 * Run: java -cp <jdbc driver> CollectionsBench.java URL KEY JDBC_URL sqlite|postgresql [count]
 */
public class CollectionsBench {

    static final String[] CATEGORIES = {"movement", "combat", "ability", "death", "idle"};
    static final String[] EFFECT_TYPES = {"projectile", "aura", "impact", "ground", "weapon_fx"};
    static final int BONES = 30;
    static final int ABILITIES = 40;
    static final ThreadLocal<Http> CONNECTIONS = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        String base = args[0], key = args[1], jdbcUrl = args[2], dialect = args[3];
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        int seconds = Integer.getInteger("seconds", 15);
        int manySeconds = Integer.getInteger("manySeconds", 30);
        int many = Integer.getInteger("many", 1_000);

        long start = System.nanoTime();
        int have = existing(base, key);
        if (have < count) {
            AtomicInteger next = new AtomicInteger(have);
            parallel(8, () -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    post(base, key, "animations", animation(i));
                    post(base, key, "effects", effect(i));
                }
            });
            System.out.printf("loaded %,d animations and %,d effects through the API: %.0f s (%.0f documents/s, 8 clients)%n",
                    count - have, count - have, (System.nanoTime() - start) / 1e9, 2.0 * (count - have) / ((System.nanoTime() - start) / 1e9));
        }
        // why warm up: a fresh JVM compiles the query path for its first tens of thousands of requests
        timed("warm-up (untimed)", 64, 10, i -> query(base, key, i));
        long[] http64 = timed("HTTP, 64 connections", 64, seconds, i -> query(base, key, i));
        long[] direct = timed("same SQL direct (JDBC), 64 connections", 64, seconds, directQueries(jdbcUrl, dialect));
        long[] httpMany = timed("HTTP, " + many + " connections", many, manySeconds, i -> query(base, key, i));
        System.out.printf("HTTP/direct throughput: %.2f; %d connections / 64: %.2f (target ≥ 0.90, 0 errors)%n",
                rate(http64) / rate(direct), many, rate(httpMany) / rate(http64));
        System.out.println("targets: p99 < 10 ms at 64 connections (the seed asks < 50 ms)");
    }

    static double rate(long[] r) { return r[r.length - 2] / (r[r.length - 1] / 1e9); }

    interface Query { void run(int i) throws Exception; }

    /** Runs {@code clients} loops for {@code seconds}; prints p50, p99, queries/s, errors. Returns [latencies…, count, wall]. */
    static long[] timed(String name, int clients, int seconds, Query query) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    try {
                        query.run(sequence.getAndIncrement());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        CONNECTIONS.remove();
                        continue;
                    }
                    if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                    mine[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        for (Future<long[]> f : futures) perClient.add(f.get());
        long wall = System.nanoTime() - started;
        pool.shutdownNow();
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-42s p50 %6.2f ms   p99 %7.2f ms   %8.0f queries/s   errors %d%n", name,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length / (wall / 1e9), errors.get());
        long[] out = Arrays.copyOf(all, all.length + 2);
        out[all.length] = all.length;
        out[all.length + 1] = wall;
        return out;
    }

    interface Work { void run() throws Exception; }

    static void parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) futures.add(pool.submit(() -> { work.run(); return null; }));
        for (Future<?> f : futures) f.get();
        pool.shutdown();
    }

    /** Query {@code i}: even numbers ask the animation library, odd ones the effect library. */
    static void query(String base, String key, int i) throws Exception {
        Random r = new Random(i);
        String filter = i % 2 == 0
                ? "category = '" + CATEGORIES[r.nextInt(5)] + "' && skeleton_requirements ?= 'bone" + r.nextInt(BONES) + "'"
                : "effect_type = '" + EFFECT_TYPES[r.nextInt(5)] + "' && linked_ability_types ?= 'ability" + r.nextInt(ABILITIES) + "'";
        String path = "/api/collections/" + (i % 2 == 0 ? "animations" : "effects") + "/documents?sort=name&limit=20&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8);
        Response response = http(base).send("GET", path, key, null);
        if (response.status() != 200) throw new IllegalStateException(path + " -> " + response.status());
    }

    /** The statements the server runs for the same queries (DocumentFinder, FieldSql), on its database. */
    static Query directQueries(String jdbcUrl, String dialect) {
        boolean sqlite = dialect.equals("sqlite");
        String columns = "SELECT d.id, d.collection, d.owner_id, d.version, d.document, d.created_at, d.updated_at FROM collection_documents d WHERE d.collection = '";
        String animations = sqlite
                ? "SELECT d.id, d.collection, d.owner_id, d.version, d.document, d.created_at, d.updated_at FROM collection_documents d"
                    + " JOIN collection_array_values v0 ON v0.document_id = d.id AND v0.collection = ? AND v0.field = ? AND v0.value = ?"
                    + " WHERE d.collection = 'animations' AND json_extract(d.document, '$.category') = ? ORDER BY json_extract(d.document, '$.name') ASC, d.id ASC LIMIT ?"
                : columns + "animations' AND ((d.document #>> '{category}') COLLATE \"C\") = CAST(? AS text) AND (d.document #> '{skeleton_requirements}') @> CAST(? AS jsonb) ORDER BY ((d.document #>> '{name}') COLLATE \"C\") ASC NULLS FIRST, d.id ASC LIMIT ?";
        String effects = animations.replace("animations'", "effects'").replace("category", "effect_type")
                .replace("skeleton_requirements", "linked_ability_types");
        ThreadLocal<Connection> connections = new ThreadLocal<>();
        return i -> {
            Connection c = connections.get();
            if (c == null) {
                c = DriverManager.getConnection(jdbcUrl, sqlite ? null : "postgres", null);
                connections.set(c);
            }
            Random r = new Random(i);
            boolean anim = i % 2 == 0;
            String value = anim ? CATEGORIES[r.nextInt(5)] : EFFECT_TYPES[r.nextInt(5)];
            String field = anim ? "skeleton_requirements" : "linked_ability_types";
            String element = anim ? "bone" + r.nextInt(BONES) : "ability" + r.nextInt(ABILITIES);
            try (PreparedStatement s = c.prepareStatement(anim ? animations : effects)) {
                int p = 1;
                if (sqlite) {
                    s.setString(p++, anim ? "animations" : "effects");
                    s.setString(p++, field);
                    s.setString(p++, element);
                    s.setString(p++, value);
                } else {
                    s.setString(p++, value);
                    s.setString(p++, "[\"" + element + "\"]");
                }
                s.setInt(p, 21);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) rs.getString(5);
                }
            }
        };
    }

    static String animation(int i) {
        Random r = new Random(i);
        return "{\"name\":\"anim-" + String.format("%07d", i) + "\",\"category\":\"" + CATEGORIES[i % 5]
                + "\",\"skeleton_requirements\":" + pick(r, "bone", BONES, 3 + r.nextInt(4))
                + ",\"applicable_creature_types\":" + pick(r, "type", 8, 1 + r.nextInt(2))
                + ",\"duration_ms\":" + (200 + r.nextInt(2000)) + ",\"file_size\":" + (1000 + r.nextInt(100000))
                + ",\"version\":\"1." + (i % 10) + ".0\",\"metadata\":{\"frames\":" + (8 + r.nextInt(40)) + "}}";
    }

    static String effect(int i) {
        Random r = new Random(-i - 1);
        return "{\"effect_type\":\"" + EFFECT_TYPES[i % 5] + "\",\"name\":\"fx-" + String.format("%07d", i)
                + "\",\"style_signature\":\"style" + r.nextInt(12) + "\",\"linked_ability_types\":" + pick(r, "ability", ABILITIES, 1 + r.nextInt(3))
                + ",\"file_size\":" + (500 + r.nextInt(50000)) + ",\"generated_at\":\"2026-11-" + String.format("%02d", 1 + r.nextInt(28))
                + "T10:00:00Z\",\"version\":\"2\"}";
    }

    static String pick(Random r, String prefix, int pool, int n) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < n) {
            String v = "\"" + prefix + r.nextInt(pool) + "\"";
            if (!chosen.contains(v)) chosen.add(v);
        }
        return "[" + String.join(",", chosen) + "]";
    }

    static int existing(String base, String key) throws Exception {
        Response r = http(base).send("GET", "/api/collections/effects/documents?limit=1&total=true", key, null);
        String text = r.text();
        int at = text.indexOf("\"total\":");
        return at < 0 ? 0 : Integer.parseInt(text.substring(at + 8).replaceAll("[^0-9].*", ""));
    }

    static void post(String base, String key, String collection, String body) throws Exception {
        Response response = http(base).send("POST", "/api/collections/" + collection + "/documents", key, body.getBytes(StandardCharsets.UTF_8));
        if (response.status() != 201) throw new IllegalStateException(response.status() + " " + response.text());
    }

    static Http http(String base) throws IOException {
        Http c = CONNECTIONS.get();
        if (c == null || c.closed) {
            URI uri = URI.create(base);
            c = new Http(new Socket(uri.getHost(), uri.getPort()));
            CONNECTIONS.set(c);
        }
        return c;
    }

    record Response(int status, byte[] body) {
        String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    /** HTTP/1.1 keep-alive over one socket per client (java.net.http costs ~4× the CPU per request here). */
    static final class Http {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        boolean closed;

        Http(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        Response send(String method, String path, String key, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer ").append(key).append("\r\n");
            if (body != null) head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            ByteArrayOutputStream request = new ByteArrayOutputStream(512 + (body == null ? 0 : body.length));
            request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) request.writeBytes(body);
            request.writeTo(out);
            out.flush();
            int status = Integer.parseInt(line().substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                if (lower.startsWith("connection:") && lower.contains("close")) closed = true;
            }
            Response response = new Response(status, chunked ? chunks() : in.readNBytes((int) Math.max(length, 0)));
            if (closed) socket.close();
            return response;
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; line()) bytes.writeBytes(in.readNBytes(size));
            while (!line().isEmpty()) { }
            return bytes.toByteArray();
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) throw new IOException("connection closed");
                if (b != '\r') line.append((char) b);
            }
            return line.toString();
        }
    }
}
