package dev.mlreadiness.github.push;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.githubapp.GitHubClientProvider;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHub;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;
import dev.mlreadiness.github.GitHubGraphQL;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.RuleSource;
import dev.mlreadiness.github.client.RetryBudget;
import dev.mlreadiness.github.snapshot.BlobCache;
import dev.mlreadiness.github.snapshot.BlobKey;
import dev.mlreadiness.github.snapshot.Concurrently;
import dev.mlreadiness.github.snapshot.ConfigTexts;
import dev.mlreadiness.github.snapshot.GraphQLBlobSource;
import dev.mlreadiness.github.snapshot.GraphQLQuery;
import dev.mlreadiness.github.snapshot.PullRequestContents;

/**
 * A full scan of a pushed commit of a default branch, read as pull requests are: the recursive tree and both config
 * files side by side, then the few files that decide whether it is an ML project, then every file the rules read,
 * in batched GraphQL requests ({@link GraphQLBlobSource}, a hundred files a request) through a bounded blob cache.
 * Writes nothing to GitHub.
 */
@ApplicationScoped
public class DefaultBranchScanner {

    /** Contents kept across scans, by blob id: a push changes few files, the next scan reads the rest from here. */
    static final long CACHE_BYTES = 16L * 1024 * 1024;

    private final GitHubClientProvider clients;
    private final GitHubGraphQL graphql;
    private final RuleSource rules;
    private final RetryBudget retryBudget;
    private final ExecutorService executor;
    private final BlobCache cache;

    public DefaultBranchScanner(GitHubClientProvider clients, GitHubGraphQL graphql, RuleSource rules,
            RetryBudget retryBudget, ReadinessSettings settings) {
        this.clients = clients;
        this.graphql = graphql;
        this.rules = rules;
        this.retryBudget = retryBudget;
        this.executor = Executors.newFixedThreadPool(Math.max(2, settings.requestThreads() / 2), r -> {
            Thread t = new Thread(r, "ml-readiness-push-github");
            t.setDaemon(true);
            return t;
        });
        this.cache = new BlobCache(Math.min(CACHE_BYTES, settings.blobCacheBytes()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Reads and evaluates the pushed commit; throws when GitHub could not be read. */
    public CommitScan scan(PushedCommit push) throws IOException {
        GitHub gh = clients.getInstallationClient(push.installationId());
        GHRepository repo = gh.parseEventPayload(new StringReader(push.payload()), GHEventPayload.Push.class)
                .getRepository();
        try (RetryBudget.Scope budget = retryBudget.forEvaluation();
                Closing<DynamicGraphQLClient> client = new Closing<>(
                        clients.getInstallationGraphQLClient(push.installationId()))) {
            return scan(push, repo, graphql.on(client.value()));
        }
    }

    private CommitScan scan(PushedCommit push, GHRepository repo, GraphQLQuery query) throws IOException {
        String sha = push.commitSha();
        CompletableFuture<GHTree> tree = Concurrently.supply(() -> repo.getTreeRecursive(sha, 1), executor);
        CompletableFuture<ConfigTexts> texts = Concurrently.supply(() -> ConfigTexts.read(query, repo), executor);
        Concurrently.join(CompletableFuture.allOf(tree, texts));

        Rules ruleSet = rules.rules();
        ReadinessConfig config;
        try {
            ConfigTexts t = texts.join();
            config = new ConfigLoader(ruleSet.ids()).load(t.orgText(), t.orgSource(), t.repoText(), t.repoSource());
        } catch (ConfigException e) {
            return CommitScan.of(CommitScan.Outcome.INVALID_CONFIG, sha, e.getMessage());
        }
        List<FileEntry> entries = new ArrayList<>();
        for (GHTreeEntry e : tree.join().getTree()) {
            if ("blob".equals(e.getType())) {
                entries.add(new FileEntry(e.getPath(), e.getSize(), e.getSha()));
            }
        }
        PullRequestContents contents = new PullRequestContents(new GraphQLBlobSource(query, repo, executor), cache);
        Snapshot files = Snapshot.of(entries, contents.loader(sha), tree.join().isTruncated());
        EvaluationInput input = EvaluationInput.fullScan(files, config, texts.join().optsIn());

        Checklist checklist = ruleSet.checklist();
        prefetch(files, contents, sha, checklist.detectionReads(input).head());
        Optional<String> skip = checklist.skipReason(input);
        if (skip.isPresent()) {
            return CommitScan.of(CommitScan.Outcome.SILENT, sha, skip.get());
        }
        prefetch(files, contents, sha, checklist.reads(input).head());
        Report report = checklist.evaluate(input);
        return new CommitScan(CommitScan.Outcome.SCORED, sha, "", Optional.of(report));
    }

    /** Reads the files not known yet in batches, then lets the snapshot take them from there. */
    private static void prefetch(Snapshot files, PullRequestContents contents, String sha, Collection<String> paths)
            throws IOException {
        List<BlobKey> keys = new ArrayList<>();
        for (String p : paths) {
            files.file(p).ifPresent(f -> keys.add(new BlobKey(sha, p, f.blobId())));
        }
        contents.prefetch(keys);
        files.prefetch(paths);
    }

    /** Closes a client at the end of a scan, never throwing. */
    private record Closing<T extends AutoCloseable>(T value) implements AutoCloseable {
        @Override
        public void close() {
            try {
                value.close();
            } catch (Exception e) {
                // nothing left to do with it
            }
        }
    }
}
