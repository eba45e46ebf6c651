#!/usr/bin/env python3
"""Generates the two repositories of bench/cli-cold.sh (issue #13), deterministically (fixed seed).

  small: about 150 files shaped like a public MLOps course (modules with READMEs, scripts, notebooks, a
         Dockerfile, a workflow, configs, a little data), one notebook of 2.5 MB (image outputs).
  large: 20,000 files, about 93 MB: 8,600 Python files full of unseeded numpy calls, 2,900 Markdown files,
         2,900 requirements-like .txt files, and 5,600 JSON configs and CSV samples.

Usage: generate_repos.py small|large DIR
"""
import base64
import json
import os
import random
import sys


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


WORDS = ("model data feature training pipeline metric experiment batch deploy monitor drift score label "
         "dataset split validation registry artifact serving request latency schema version baseline").split()


def sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def markdown(rng, title, paragraphs):
    out = ["# " + title, ""]
    for i in range(paragraphs):
        if i % 3 == 1:
            out += ["## " + sentence(rng, 3)[:-1], ""]
        out += [sentence(rng, 14) + " " + sentence(rng, 10), ""]
        if i % 4 == 2:
            out += ["```bash", "python train.py --epochs 10 --data data/train.csv", "```", ""]
    return "\n".join(out)


NUMPY_CALLS = ["np.random.rand({a}, {b})", "np.random.randn({a})", "np.random.randint(0, {b}, size={a})",
               "np.random.choice({a}, {b})", "np.random.normal(0.0, 1.0, size=({a}, {b}))",
               "np.random.uniform(-1, 1, {a})", "np.random.permutation({b})", "np.random.shuffle(values)"]


def numpy_module(rng, calls, helpers):
    lines = ['"""Simulation helpers for experiment {}."""'.format(rng.randint(1, 999)), "",
             "import numpy as np", "import pandas as pd", "", "", "THRESHOLD = 0.{}".format(rng.randint(1, 99)), ""]
    per = max(1, calls // helpers)
    made = 0
    for h in range(helpers):
        lines += ["", "def step_{}(values, scale=1.0):".format(h),
                  '    """{}"""'.format(sentence(rng, 8)),
                  "    total = 0.0"]
        for _ in range(per if h < helpers - 1 else calls - made):
            call = rng.choice(NUMPY_CALLS).format(a=rng.randint(2, 64), b=rng.randint(2, 64))
            lines += ["    sample = {}".format(call),
                      "    total += float(np.sum(sample)) * scale  # {}".format(rng.choice(WORDS)),
                      "    frame = pd.DataFrame({{'{}': [total]}})".format(rng.choice(WORDS)),
                      "    values = [v * scale for v in values if v > THRESHOLD]  # keep the {} {}".format(
                          rng.choice(WORDS), rng.choice(WORDS)),
                      "    if len(values) > {}:".format(rng.randint(2, 999)),
                      "        frame['{}'] = frame.mean(axis=0) / max(len(values), 1)".format(rng.choice(WORDS))]
            made += 1
        lines += ["    return total, frame", ""]
    return "\n".join(lines) + "\n"


def requirements(rng):
    pkgs = ["numpy", "pandas", "scikit-learn", "torch", "mlflow", "fastapi", "pydantic", "requests", "pyyaml",
            "matplotlib", "seaborn", "evidently", "prefect", "boto3", "xgboost"]
    rng.shuffle(pkgs)
    out = ["# pinned for reproducible runs"]
    for p in pkgs[:rng.randint(6, 12)]:
        out.append("{}=={}.{}.{}".format(p, rng.randint(0, 3), rng.randint(0, 30), rng.randint(0, 9)))
    return "\n".join(out) + "\n"


def png_like(rng, size):
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(size))).decode("ascii")


def notebook(rng, cells, image_bytes):
    nb_cells = []
    for i in range(cells):
        source = ["import numpy as np\n" if i == 0 else "# step {}\n".format(i),
                  "np.random.seed(42)\n" if i == 0 else "x = np.linspace(0, 1, {})\n".format(rng.randint(5, 99)),
                  "print(x.mean())" if i else "x = np.arange(3)"]
        outputs = [{"name": "stdout", "output_type": "stream", "text": ["0.5\n"]}]
        if image_bytes:
            outputs.append({"data": {"image/png": png_like(rng, image_bytes), "text/plain": ["<Figure>"]},
                            "metadata": {}, "output_type": "display_data"})
        nb_cells.append({"cell_type": "code", "execution_count": i + 1, "metadata": {}, "outputs": outputs,
                         "source": source})
        nb_cells.append({"cell_type": "markdown", "metadata": {}, "source": [sentence(rng, 15)]})
    return json.dumps({"cells": nb_cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4,
                       "nbformat_minor": 5}, indent=1) + "\n"


def small(root):
    rng = random.Random(13)
    write(root, "README.md", markdown(rng, "MLOps course", 12))
    write(root, "LICENSE", "MIT License\n\nCopyright (c) 2026\n")
    write(root, ".gitignore", "__pycache__/\n.venv/\nmlruns/\n")
    write(root, ".github/workflows/ci.yml",
          "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
          "      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt && pytest\n")
    write(root, "requirements.txt", requirements(rng))
    files = 5
    for m in range(1, 7):
        mod = "{:02d}-{}".format(m, ["intro", "experiment-tracking", "orchestration", "deployment",
                                      "monitoring", "best-practices"][m - 1])
        write(root, mod + "/README.md", markdown(rng, "Module " + str(m), 10))
        write(root, mod + "/requirements.txt", requirements(rng))
        write(root, mod + "/Dockerfile", "FROM python:3.10-slim\nCOPY . /app\n"
              "RUN pip install -r /app/requirements.txt\nCMD [\"python\", \"/app/predict.py\"]\n")
        files += 3
        for s in range(1, 9):
            write(root, "{}/{}_{}.py".format(mod, rng.choice(["train", "predict", "score", "prepare"]), s),
                  numpy_module(rng, 3, 3))
            files += 1
        for d in range(1, 6):
            write(root, "{}/notes/{}.md".format(mod, d), markdown(rng, "Notes " + str(d), 5))
            files += 1
        for c in range(1, 4):
            write(root, "{}/config/{}.yaml".format(mod, c),
                  "model:\n  name: {}\n  alpha: 0.{}\ndata:\n  path: data/train.csv\n".format(
                      rng.choice(WORDS), rng.randint(1, 99)))
            files += 1
        write(root, mod + "/notebook.ipynb", notebook(rng, 6, 3000))
        write(root, mod + "/data/sample.csv", "id,value,label\n" + "".join(
            "{},{:.3f},{}\n".format(i, rng.random(), rng.randint(0, 1)) for i in range(250)))
        files += 2
    # the big one: about 2.5 MB of image outputs
    write(root, "01-intro/duration-prediction.ipynb", notebook(rng, 20, 92000))
    files += 1
    while files < 150:
        write(root, "tests/test_{}.py".format(files), "from math import isclose\n\n\ndef test_{}():\n"
              "    assert isclose(0.1 + 0.2, 0.3)\n".format(files))
        files += 1


def large(root):
    rng = random.Random(13)
    write(root, "README.md", markdown(rng, "A large ML repository", 20))
    write(root, "requirements.txt", requirements(rng))
    py = md = txt = other = 0
    pkg = 0
    while py < 8600 or md < 2899 or txt < 2899 or other < 5600:
        base = "pkg{:03d}/mod{:02d}".format(pkg // 30, pkg % 30)
        pkg += 1
        if md < 2899:
            write(root, base + "/README.md", markdown(rng, "Module " + base, 28))
            md += 1
        if txt < 2899:
            write(root, base + "/deps.txt", requirements(rng))
            txt += 1
        for _ in range(3):
            if py < 8600:
                write(root, "{}/sim_{}.py".format(base, py), numpy_module(rng, 20, 5))
                py += 1
        for _ in range(2):
            if other < 5600:
                if other % 2:
                    write(root, "{}/config_{}.json".format(base, other), json.dumps(
                        {"name": rng.choice(WORDS), "alpha": rng.random(), "layers": [rng.randint(1, 512)
                                                                                      for _ in range(120)]},
                        indent=2) + "\n")
                else:
                    write(root, "{}/sample_{}.csv".format(base, other), "id,value,label\n" + "".join(
                        "{},{:.4f},{}\n".format(i, rng.random(), rng.randint(0, 1)) for i in range(250)))
                other += 1


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("small", "large"):
        sys.exit(__doc__)
    {"small": small, "large": large}[sys.argv[1]](sys.argv[2])
