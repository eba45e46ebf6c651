package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.github.client.RetryBudget;

/**
 * Reads many files in one GraphQL request ({@code object(expression: "<sha>:<path>")} per file, with aliases),
 * because the REST API needs one request per file. Binary and truncated blobs (GraphQL gives no text for them),
 * and a file whose query GitHub fails to execute even alone, fall back to REST, one request each, side by side.
 */
public final class GraphQLBlobSource implements BlobSource {

    /** Files per GraphQL request: well under GitHub's node limits and response size for source files. */
    static final int BATCH = 100;
    /** Batches in flight at once per read: 300 files in one round trip, and a 3,000-file read stays polite. */
    static final int IN_FLIGHT = 3;

    private final GraphQLQuery graphql;
    private final String owner;
    private final String name;
    private final Concurrently.IoFunction<BlobKey, byte[]> rest;
    private final Executor executor;

    /** @param executor runs the REST fallbacks side by side (the caller helps, so a busy pool cannot stall it) */
    public GraphQLBlobSource(GraphQLQuery graphql, GHRepository repo, Executor executor) {
        this(graphql, repo.getOwnerName(), repo.getName(), key -> readRest(repo, key), executor);
    }

    /** @param rest reads one blob over REST; null when the file does not exist */
    GraphQLBlobSource(GraphQLQuery graphql, String owner, String name, Concurrently.IoFunction<BlobKey, byte[]> rest,
            Executor executor) {
        this.graphql = graphql;
        this.owner = owner;
        this.name = name;
        this.rest = rest;
        this.executor = executor;
    }

    @Override
    public Map<BlobKey, byte[]> read(Collection<BlobKey> keys) throws IOException {
        List<BlobKey> all = new ArrayList<>(keys);
        List<List<BlobKey>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        // the batches side by side, in at most IN_FLIGHT lanes that each read theirs one after another: a pull
        // request reading 300 files waits one round trip, not three, and one reading 3,000 neither takes over the
        // shared request pool nor asks GitHub dozens of queries at once. Each answer becomes bytes in its lane, so
        // no JSON answer outlives its batch; the first failure stops the batches not yet asked
        int lanes = Math.min(IN_FLIGHT, batches.size());
        AtomicBoolean failed = new AtomicBoolean();
        Map<Integer, Read> read = Concurrently.each(IntStream.range(0, lanes).boxed().toList(), lane -> {
            Read got = new Read(new HashMap<>(), new HashSet<>());
            try {
                for (int n = lane; n < batches.size() && !failed.get(); n += lanes) {
                    readBatch(batches.get(n), got);
                }
            } catch (IOException | RuntimeException e) {
                failed.set(true);
                throw e;
            }
            return got;
        }, executor);
        Map<BlobKey, byte[]> texts = new HashMap<>();
        Set<BlobKey> restKeys = new HashSet<>();
        read.values().forEach(r -> {
            texts.putAll(r.texts());
            restKeys.addAll(r.viaRest());
        });
        List<BlobKey> viaRest = all.stream().filter(restKeys::contains).toList();
        Map<BlobKey, byte[]> restBytes = Concurrently.each(viaRest, this.rest, executor);
        Map<BlobKey, byte[]> out = new LinkedHashMap<>();
        for (BlobKey key : all) {
            byte[] bytes = texts.containsKey(key) ? texts.get(key) : restBytes.get(key);
            if (bytes != null) {
                out.put(key, bytes);
            }
        }
        return out;
    }

    /** What a lane read: texts, and the blobs GraphQL gave no text for (binary, truncated). */
    private record Read(Map<BlobKey, byte[]> texts, Set<BlobKey> viaRest) {
    }

    private void readBatch(List<BlobKey> batch, Read got) throws IOException {
        readBatch(batch, got, graphql);
    }

    /**
     * A batch GitHub fails to execute on every try (too heavy to assemble within its time limit: it would fail so
     * every time) is read in two halves, each tried once ({@code graphql} failing fast), and so on down: at most 7
     * halvings for {@link #BATCH} files, about two queries per file at worst. A single file GitHub still fails on is
     * read over REST, as a truncated one is. Once the evaluation's retry budget is spent, the failure stands.
     */
    private void readBatch(List<BlobKey> batch, Read got, GraphQLQuery graphql) throws IOException {
        JsonObject data;
        try {
            data = graphql.run(query(owner, name, batch));
        } catch (GraphQLQuery.ExecutionFailed e) {
            if (RetryBudget.spent()) {
                throw e;
            }
            if (batch.size() == 1) {
                got.viaRest().add(batch.get(0));
                return;
            }
            GraphQLQuery once = graphql.failingFastOnExecutionErrors();
            int half = (batch.size() + 1) / 2;
            readBatch(batch.subList(0, half), got, once);
            readBatch(batch.subList(half, batch.size()), got, once);
            return;
        }
        // GitHub nulls the repository (with errors) when it cannot serve it: renamed, access revoked, SAML. That
        // is a failed read: taken as "no such files", unreadable files would be reviewed as missing
        if (!(data.get("repository") instanceof JsonObject repository)) {
            throw new IOException("GitHub GraphQL answered no repository for " + owner + "/" + name + "'s contents");
        }
        for (int i = 0; i < batch.size(); i++) {
            JsonValue v = repository.get("f" + i);
            if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
                continue; // no such file at that commit
            }
            JsonObject blob = v.asJsonObject();
            boolean binary = blob.getBoolean("isBinary", false);
            boolean truncated = blob.getBoolean("isTruncated", false);
            if (!binary && !truncated && blob.containsKey("text") && !blob.isNull("text")) {
                got.texts().put(batch.get(i), blob.getString("text").getBytes(StandardCharsets.UTF_8));
            } else {
                got.viaRest().add(batch.get(i));
            }
        }
    }

    /** The query for a batch: aliases f0..fn in the order of {@code batch}. */
    static String query(String owner, String name, List<BlobKey> batch) {
        StringBuilder q = new StringBuilder("query { repository(owner: ").append(GraphQLQuery.quote(owner))
                .append(", name: ").append(GraphQLQuery.quote(name)).append(") {");
        for (int i = 0; i < batch.size(); i++) {
            BlobKey k = batch.get(i);
            q.append(" f").append(i).append(": object(expression: ")
                    .append(GraphQLQuery.quote(k.ref() + ":" + k.path()))
                    .append(") { ... on Blob { text isBinary byteSize isTruncated } }");
        }
        return q.append(" } }").toString();
    }

    private static byte[] readRest(GHRepository repo, BlobKey key) throws IOException {
        try (InputStream in = key.blobId() != null ? repo.getBlob(key.blobId()).read()
                : repo.getFileContent(key.path(), key.ref()).read()) {
            return in.readAllBytes();
        } catch (GHFileNotFoundException e) {
            return null;
        }
    }
}
