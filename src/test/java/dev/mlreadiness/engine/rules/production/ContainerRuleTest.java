package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class ContainerRuleTest {

    private static final String NO_USER = "Add a `USER` instruction with an unprivileged user after the last `FROM` "
            + "so the container does not run as root.";

    private final ContainerRule rule = new ContainerRule();

    private Report scan(String dockerfile) {
        return TestRepo.create().file("Dockerfile", dockerfile).scan(rule);
    }

    @Test
    void untaggedAndLatestImagesOnTheirLinesAndMissingUserOnTheLastFrom() {
        Report r = scan("""
                FROM python AS build
                RUN pip wheel .
                from nvidia/cuda:LATEST
                COPY --from=build /w /w
                """);
        assertThat(r.findings()).extracting(Finding::line, Finding::message).containsExactly(
                tuple(1, "Pin the base image `python` to a version tag or an `@sha256:` digest so every build starts "
                        + "from the same system."),
                tuple(3, NO_USER),
                tuple(3, "Replace `nvidia/cuda:LATEST` with a version tag or an `@sha256:` digest so every build "
                        + "starts from the same system."));
    }

    @Test
    void pinnedImagesStagesScratchAndUnknownArgsAreFine() {
        Report r = scan("""
                ARG BASE
                ARG PY=3.11
                FROM --platform=linux/amd64 python:${PY}-slim AS builder
                FROM ${BASE}
                FROM localhost:5000/team/base:2.1
                FROM ubuntu@sha256:0123abcd
                FROM scratch
                FROM BUILDER
                USER app:app
                """);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void argDefaultsAreResolvedBeforeJudging() {
        Report r = scan("ARG IMG=python\nARG TAG=latest\nFROM ${IMG}:${TAG}\nUSER 1000\n");
        assertThat(r.findings()).extracting(Finding::line, Finding::message).containsExactly(tuple(3,
                "Replace `python:latest` with a version tag or an `@sha256:` digest so every build starts from the "
                        + "same system."));
    }

    @Test
    void rootUsersAndInheritance() {
        assertThat(scan("FROM python:3.11\nUSER app\nUSER root\n").findings()).extracting(Finding::line,
                Finding::message).containsExactly(
                        tuple(1, "Switch the final stage from `USER root` to an unprivileged "
                                + "user so the container does not run as root."));
        assertThat(scan("FROM python:3.11\nUSER 0:0\n").findings()).extracting(Finding::message)
                .containsExactly("Switch the final stage from `USER 0:0` to an unprivileged user so the container does "
                        + "not run as root.");
        // the user of a stage the final one builds on carries over; a user set only in another stage does not
        assertThat(scan("FROM python:3.11 AS base\nUSER app\nFROM base\nCMD x\n").findings()).isEmpty();
        assertThat(scan("FROM python:3.11 AS build\nUSER app\nFROM python:3.11-slim\nCMD x\n").findings())
                .extracting(Finding::line, Finding::message).containsExactly(tuple(3, NO_USER));
        assertThat(scan("FROM gcr.io/distroless/python3:nonroot\n").findings()).isEmpty();
    }

    @Test
    void continuationsCommentsAndHeredocsDoNotFoolTheReader() {
        Report r = scan("""
                # FROM ubuntu
                FROM \\
                  python:3.11-slim
                RUN <<EOF
                USER app
                EOF
                """);
        assertThat(r.findings()).extracting(Finding::line, Finding::message).containsExactly(tuple(2, NO_USER));
    }

    @Test
    void dockerfileNamesAndNoDockerfile() {
        Report r = TestRepo.create().file("docker/Dockerfile.gpu", "FROM pytorch/pytorch\nUSER a\n")
                .file("serve.Dockerfile", "FROM python\nUSER a\n").file("Dockerfile.md", "x")
                .file("docs/dockerfile-guide.txt", "FROM python\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line).containsExactly(
                tuple("docker/Dockerfile.gpu", 1), tuple("serve.Dockerfile", 1));

        Report none = TestRepo.create().file("app.py", "x").scan(rule);
        assertThat(none.findings()).isEmpty();
        assertThat(none.scores()).isEmpty();
        assertThat(scan("").findings()).isEmpty();
    }

    @Test
    void pullRequestReadsChangedDockerfilesAndMarksAddedLinesNew() {
        TestRepo repo = TestRepo.create().file("Dockerfile", "FROM python:3.11\nCMD x\n")
                .file("other/Dockerfile", "FROM python\n");
        Report r = repo.change().modify("Dockerfile", "FROM python:3.11\nRUN pip install x\nFROM python:latest\n")
                .evaluate(rule);
        // the new stage's tag is new; running as root is not: the base's last stage had no USER either
        assertThat(r.findings()).extracting(Finding::line, Finding::isNew, f -> f.message().contains("python:latest"))
                .containsExactlyInAnyOrder(tuple(3, false, false), tuple(3, true, true));

        Report old = repo.change().modify("Dockerfile", "FROM python:3.11\nCMD y\n").evaluate(rule);
        assertThat(old.findings()).extracting(Finding::path, Finding::line, Finding::isNew).containsExactly(
                tuple("Dockerfile", 1, false));
    }
}
