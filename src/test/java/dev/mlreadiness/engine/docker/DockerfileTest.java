package dev.mlreadiness.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DockerfileTest {

    @Test
    void instructionsInAnyCaseWithContinuationsAndCommentsOnTheirFirstLine() {
        Dockerfile f = Dockerfile.parse("""
                # syntax=docker/dockerfile:1

                from python:3.11 as base
                RUN apt-get update && \\
                # a comment inside the continuation
                    apt-get install -y gcc \\

                    && rm -rf /var/lib/apt/lists/*
                user app
                """);
        assertThat(f.instructions()).extracting(Dockerfile.Instruction::keyword, Dockerfile.Instruction::line)
                .containsExactly(tuple("FROM", 3), tuple("RUN", 4), tuple("USER", 9));
        assertThat(f.instructions().get(1).arguments())
                .isEqualTo("apt-get update &&      apt-get install -y gcc      && rm -rf /var/lib/apt/lists/*");
        assertThat(f.all("USER")).singleElement().extracting(Dockerfile.Instruction::arguments).isEqualTo("app");
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile f = Dockerfile.parse("# escape=`\nFROM mcr.microsoft.com/windows `\n  AS win\nRUN dir c:\\\n");
        assertThat(f.instructions()).extracting(Dockerfile.Instruction::keyword, Dockerfile.Instruction::arguments)
                .containsExactly(tuple("FROM", "mcr.microsoft.com/windows    AS win"), tuple("RUN", "dir c:\\"));
    }

    @Test
    void heredocBodiesAreNotReadAsInstructions() {
        Dockerfile f = Dockerfile.parse("""
                FROM python:3.11
                RUN <<EOF
                FROM ubuntu
                USER root
                EOF
                COPY <<-'CONF' /etc/app.conf
                \tUSER nobody
                \tCONF
                CMD ["serve"]
                """);
        assertThat(f.instructions()).extracting(Dockerfile.Instruction::keyword, Dockerfile.Instruction::line)
                .containsExactly(tuple("FROM", 1), tuple("RUN", 2), tuple("COPY", 6), tuple("CMD", 9));
    }

    @Test
    void emptyAndBrokenInputGiveWhatCanBeRead() {
        assertThat(Dockerfile.parse("").instructions()).isEmpty();
        assertThat(Dockerfile.parse("# only a comment\n").instructions()).isEmpty();
        assertThat(Dockerfile.parse("FROM python \\").instructions()).extracting(Dockerfile.Instruction::arguments)
                .containsExactly("python");
        assertThat(Dockerfile.parse("RUN <<EOF\necho never closed\n").instructions()).hasSize(1);
    }

    @Test
    void stagesResolveGlobalArgsFlagsNamesAndInheritUsers() {
        List<BuildStage> stages = BuildStage.of(Dockerfile.parse("""
                ARG PY=3.11
                ARG REGISTRY
                FROM --platform=$BUILDPLATFORM python:${PY}-slim AS Builder
                USER app
                FROM $REGISTRY/runtime:1 AS mid
                FROM builder
                """));
        assertThat(stages).extracting(BuildStage::image, BuildStage::written, BuildStage::name, BuildStage::user)
                .containsExactly(tuple("python:3.11-slim", "python:${PY}-slim", "builder", "app"),
                        tuple(null, "$REGISTRY/runtime:1", "mid", null),
                        tuple("builder", "builder", null, null));
        assertThat(stages.get(2).buildsOnStage()).isTrue();
        assertThat(stages.get(2).effectiveUser()).isEqualTo("app");
        assertThat(stages.get(1).buildsOnStage()).isFalse();
    }

    @Test
    void variableForms() {
        Map<String, String> args = Map.of("V", "1.2", "EMPTY", "");
        assertThat(BuildStage.resolve("img:$V", args)).contains("img:1.2");
        assertThat(BuildStage.resolve("img:${MISSING:-9}", args)).contains("img:9");
        assertThat(BuildStage.resolve("img:${EMPTY:-9}", args)).contains("img:9");
        assertThat(BuildStage.resolve("img${V:+:pinned}", args)).contains("img:pinned");
        assertThat(BuildStage.resolve("img:${MISSING}", args)).isEmpty();
        assertThat(BuildStage.resolve("$EMPTY", args)).isEmpty();
    }

    @Test
    void argsAfterTheFirstFromDoNotResolveLaterBaseImages() {
        List<BuildStage> stages = BuildStage.of(Dockerfile.parse("FROM a:1\nARG T=2\nFROM b:$T\n"));
        assertThat(stages).extracting(BuildStage::image).containsExactly("a:1", null);
    }
}
