package dev.mlreadiness.github.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GraphQLBlobSourceTest {

    @Test
    void oneAliasPerFileWithQuotedExpressions() {
        String q = GraphQLBlobSource.query("acme", "churn", List.of(new BlobKey("abc", "README.md", null),
                new BlobKey("def", "docs/say \"hi\".md", "123")));
        assertThat(q).isEqualTo("query { repository(owner: \"acme\", name: \"churn\") {"
                + " f0: object(expression: \"abc:README.md\") { ... on Blob { text isBinary byteSize isTruncated } }"
                + " f1: object(expression: \"def:docs/say \\\"hi\\\".md\") { ... on Blob { text isBinary byteSize"
                + " isTruncated } } } }");
    }

    @Test
    void graphqlStringsEscapeLikeJson() {
        assertThat(GraphQLQuery.quote("a\\b\n\"c\"\u0001")).isEqualTo("\"a\\\\b\\n\\\"c\\\"\\u0001\"");
    }
}
