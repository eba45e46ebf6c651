# Generates the hostile repositories of bench/hostile.sh (issue #10) under the folder given as the argument.
import json, os, sys
root = sys.argv[1]
def repo(name):
    d = os.path.join(root, name); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "requirements.txt"), "w") as f: f.write("numpy==1.26.4\nscikit-learn==1.5.0\n")
    with open(os.path.join(d, "README.md"), "w") as f: f.write("# Demo\n\nA demo model.\n")
    return d
def w(d, p, text, mode="w"):
    path = os.path.join(d, p); os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f: f.write(text)
os.makedirs(os.path.join(root, "empty"), exist_ok=True)
d = repo("glob"); w(d, ".github/ml-readiness.yml", 'ignore: ["src/' + '*a' * 30 + 'b"]\n'); w(d, "src/" + "a" * 40 + ".py", "import numpy as np\nnp.random.rand(3)\n")
d = repo("notebook-one-line")
cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["import numpy as np\n", "np.random.rand(%d)" % i]} for i in range(50000)]
w(d, "notebooks/big.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, separators=(",", ":")))
d = repo("config-comment"); w(d, ".github/ml-readiness.yml", "# " + "x" * (10 * 1024 * 1024) + "\nfail-on: error\n")
d = repo("deep-json"); w(d, "notebooks/deep.ipynb", '{"cells": [], "metadata": {"a": ' + "[" * 200000 + "]" * 200000 + '}, "nbformat": 4, "nbformat_minor": 5}')
d = repo("deep-yaml"); w(d, "environment.yml", "dependencies:\n  - " + "[" * 100000 + "]" * 100000 + "\n")
d = repo("deep-toml"); w(d, "pyproject.toml", "[project]\nname = \"x\"\ndependencies = " + "[" * 100000 + "]" * 100000 + "\n")
d = repo("deep-calls"); w(d, "src/calls.py", "import numpy as np\nx = " + "f(" * 500000 + ")" * 500000 + "\nnp.random.rand(3)\n")
d = repo("many-tokens"); w(d, "src/tokens.py", "import numpy as np\nx = [" + "1," * 1900000 + "]\nnp.random.rand(3)\n")
steps = 3000
pipe = "pipe = Pipeline([" + ",".join('("s%d", RandomForestClassifier())' % i for i in range(steps)) + "])\n"
grid = "grid = {" + ",".join('"s%d__random_state": [1]' % i for i in range(steps)) + "}\n"
w(repo("search-grids"), "src/grid.py", "from sklearn.model_selection import GridSearchCV\nfrom sklearn.pipeline import Pipeline\n" + pipe + grid + "GridSearchCV(pipe, grid)\n" * 50)
d = repo("plain")
