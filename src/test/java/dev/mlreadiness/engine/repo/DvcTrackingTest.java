package dev.mlreadiness.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DvcTrackingTest {

    @Test
    void dotDvcFilesTrackWhatTheyNameAndTheirOuts() {
        var ctx = Trees.context(
                "data.dvc", "outs:\n- md5: abc.dir\n  path: data\n",
                "models/model.pt.dvc", "outs:\n- path: model.pt\n",
                "broken.csv.dvc", ": : not yaml [");
        DvcTracking dvc = DvcTracking.in(ctx);
        assertThat(dvc.tracks("data/raw/a.csv")).isTrue();
        assertThat(dvc.tracks("models/model.pt")).isTrue();
        assertThat(dvc.tracks("broken.csv")).isTrue();
        assertThat(dvc.tracks("models/other.pt")).isFalse();
        assertThat(dvc.tracks("database.csv")).isFalse();
        assertThat(dvc.outputs()).containsExactlyInAnyOrder("data", "models/model.pt", "broken.csv");
    }

    @Test
    void dvcYamlStagesOutsMetricsAndPlotsRelativeToFolderAndWdir() {
        var ctx = Trees.context("pipelines/dvc.yaml", """
                stages:
                  prepare:
                    cmd: python prepare.py
                    outs:
                      - ../data/processed
                      - features.parquet:
                          cache: false
                  train:
                    wdir: ../models
                    outs: [model.pkl]
                    metrics: [{scores.json: {cache: false}}]
                  fan:
                    foreach: [a, b]
                    do:
                      outs:
                        - ${item}.csv
                """);
        DvcTracking dvc = DvcTracking.in(ctx);
        assertThat(dvc.outputs()).containsExactlyInAnyOrder("data/processed", "pipelines/features.parquet",
                "models/model.pkl", "models/scores.json");
        assertThat(dvc.tracks("data/processed/train.csv")).isTrue();
        assertThat(dvc.tracksFolder("data")).isTrue();
        assertThat(dvc.tracks("data")).isFalse();
        assertThat(dvc.tracksFolder("models")).isTrue();
        assertThat(dvc.tracksFolder("notebooks")).isFalse();
    }

    @Test
    void invalidDvcYamlTracksNothing() {
        var ctx = Trees.context("dvc.yaml", "stages: [unclosed\n");
        assertThat(DvcTracking.in(ctx).outputs()).isEmpty();
    }

    @Test
    void pathsLeavingTheRepositoryAreDropped() {
        assertThat(DvcTracking.resolve("", "../outside")).isNull();
        assertThat(DvcTracking.resolve("a/b", "./../c/")).isEqualTo("a/c");
    }
}
