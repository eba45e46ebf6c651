package dev.mlreadiness.engine.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

class ServingEvidenceTest {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private String config = "";

    private ServingEvidenceTest file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private ServingEvidenceTest config(String yaml) {
        this.config = yaml;
        return this;
    }

    private RuleContext context() {
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((p, b) -> entries.add(new FileEntry(p, b.length)));
        Snapshot s = Snapshot.of(entries, f -> Optional.ofNullable(files.get(f.path())));
        try {
            ReadinessConfig c = new ConfigLoader(Set.of()).load(config, ConfigLoader.PATH);
            return new RuleContext(s, ChangeSet.fullScan(), c, RuleContext.Side.HEAD);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Optional<String> evidence() {
        return ServingEvidence.of(context()).evidence();
    }

    @Test
    void dockerfilesServeExceptDevContainersAndTrainingImages() {
        assertThat(file("docker/Dockerfile.gpu", "FROM python:3.11\n").evidence())
                .contains("docker/Dockerfile.gpu, a container image");
        assertThat(new ServingEvidenceTest().file("api.Dockerfile", "FROM x\n").evidence()).isPresent();
        assertThat(new ServingEvidenceTest().file(".devcontainer/Dockerfile", "FROM x\n")
                .file("Dockerfile.train", "FROM x\n").file("docker/dev.Dockerfile", "FROM x\n")
                .file("Dockerfile.jupyter", "FROM x\n").file("Dockerfiles.md", "# notes\n").evidence()).isEmpty();
        // `latest` holds `test`, but only whole words of the name count
        assertThat(new ServingEvidenceTest().file("Dockerfile.latest", "FROM x\n").evidence()).isPresent();
    }

    @Test
    void servingConfigsAndEntryPointsByName() {
        assertThat(file("bentofile.yaml", "service: svc:Svc\n").evidence())
                .contains("bentofile.yaml, a serving config");
        assertThat(new ServingEvidenceTest().file("model_repository/churn/config.pbtxt", "platform: \"onnx\"\n")
                .evidence()).isPresent();
        assertThat(new ServingEvidenceTest().file("src/serve.py", "x = 1\n").evidence())
                .contains("src/serve.py, a serving entry point");
        assertThat(new ServingEvidenceTest().file("scripts/deploy_model.sh", "echo\n").evidence()).isPresent();
        assertThat(new ServingEvidenceTest().file("handler.py", "class EndpointHandler: pass\n").evidence())
                .isPresent();
        // near misses: a handler deep in a package, names that only contain the words, docs about serving
        assertThat(new ServingEvidenceTest().file("src/logging/handler.py", "x = 1\n")
                .file("src/observer.py", "x = 1\n").file("deployment_notes.md", "# x\n").file("serverless.txt", "x\n")
                .file("reserve.py", "x = 1\n").evidence()).isEmpty();
    }

    @Test
    void aModelServerImportServes() {
        assertThat(file("service.py", "import bentoml\n\n@bentoml.service\nclass Churn: pass\n").evidence())
                .contains("service.py imports bentoml, a model server");
        assertThat(new ServingEvidenceTest().file("app/main.py", "from ray import serve\n").evidence())
                .contains("app/main.py imports ray.serve, a model server");
        assertThat(new ServingEvidenceTest().file("h.py", "from ts.torch_handler.base_handler import BaseHandler\n")
                .evidence()).isPresent();
        // ray alone trains (Ray Tune, Ray Train): not serving
        assertThat(new ServingEvidenceTest().file("tune.py", "import ray\nfrom ray import tune\n").evidence())
                .isEmpty();
    }

    @Test
    void aWebFrameworkServesWhenTheRepositoryLoadsAModel() {
        assertThat(file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
                .file("app/model.py", "import joblib as jl\nMODEL = jl.load('models/churn.joblib')\n").evidence())
                .contains("app/main.py imports fastapi.FastAPI and app/model.py loads a model (jl.load)");
        assertThat(new ServingEvidenceTest().file("demo.py", """
                import gradio as gr
                from transformers import AutoModelForSequenceClassification
                model = AutoModelForSequenceClassification.from_pretrained("acme/bert")
                """).evidence()).isPresent();
    }

    @Test
    void aWebFrameworkWithoutModelLoadingOrInStringsDoesNotServe() {
        // a Streamlit dashboard over data, and the names only in strings and comments
        assertThat(file("dashboard.py", "import streamlit as st\nimport pandas as pd\n"
                + "st.dataframe(pd.read_csv('a.csv'))\n")
                .file("notes.py", "# import flask\nTEXT = 'joblib.load(model)'\n").evidence()).isEmpty();
        // model loading without any web framework: evaluation code, not a service
        assertThat(new ServingEvidenceTest().file("evaluate.py", "import torch\nm = torch.load('m.pt')\n").evidence())
                .isEmpty();
        // a test client of the API is a test, not the service
        assertThat(new ServingEvidenceTest().file("tests/test_api.py", "from fastapi.testclient import TestClient\n")
                .file("predict.py", "import joblib\nm = joblib.load('m.joblib')\n").evidence()).isEmpty();
    }

    @Test
    void configDecidesBeforeTheRepository() {
        assertThat(ServingEvidence.applies(file("Dockerfile", "FROM x\n").config("project: research\n").context()))
                .isFalse();
        assertThat(ServingEvidence.applies(new ServingEvidenceTest().file("train.py", "x = 1\n")
                .config("project: service\n").context())).isTrue();
        assertThat(ServingEvidence.applies(new ServingEvidenceTest().file("train.py", "x = 1\n")
                .config("project: auto\n").context())).isFalse();
        assertThat(ServingEvidence.applies(new ServingEvidenceTest().file("serve.py", "x = 1\n").context())).isTrue();
    }

    @Test
    void codeIsReadOnlyWhenNeitherConfigNorFileNamesDecide() {
        RuleContext byName = file("Dockerfile", "FROM x\n").file("app.py", "import flask\n").context();
        assertThat(ServingEvidence.reads(byName)).isEmpty();
        assertThat(ServingEvidence.applies(byName)).isTrue();
        assertThat(byName.snapshot().isLoaded("app.py")).isFalse();

        RuleContext byConfig = new ServingEvidenceTest().file("app.py", "import flask\n").config("project: research\n")
                .context();
        assertThat(ServingEvidence.reads(byConfig)).isEmpty();

        RuleContext byCode = new ServingEvidenceTest().file("app.py", "import flask\n").file("README.md", "# x\n")
                .context();
        assertThat(ServingEvidence.reads(byCode)).containsExactly("app.py");
    }
}
