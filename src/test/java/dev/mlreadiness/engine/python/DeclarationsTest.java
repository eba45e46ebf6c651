package dev.mlreadiness.engine.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclarationsTest {

    private static boolean only(String source) {
        return Declarations.only(PythonModule.parse(source));
    }

    @Test
    void filesWithoutLogic() {
        assertThat(only("")).isTrue();
        assertThat(only("# just a comment\n\n")).isTrue();
        assertThat(only("\"\"\"The package.\"\"\"\n")).isTrue();
        assertThat(only("""
                \"\"\"Re-exports.\"\"\"
                from __future__ import annotations
                from .model import Model, train  # noqa
                from . import features as f
                import numpy as np

                __all__ = ["Model", "train", *f.__all__]
                __all__ += ["np"]
                __version__ = "1.2.0"
                SEED: int = 42
                THRESHOLD = -0.5
                LABELS = {"neg": 0, "pos": 1}
                Number = int | float
                Vector = list[float]
                DATA_DIR = BASE + "/data"
                Alias = f.Feature
                x: int
                pass
                ...
                """)).isTrue();
        assertThat(only("""
                try:
                    from ._fast import kernel
                except (ImportError, ModuleNotFoundError) as e:
                    kernel = None
                else:
                    pass
                finally:
                    pass
                if TYPE_CHECKING:
                    from pandas import DataFrame
                if typing.TYPE_CHECKING: import torch
                """)).isTrue();
    }

    @Test
    void anyDefinitionCallOrLogicIsCode() {
        for (String source : new String[] { "def f():\n    pass\n", "class A:\n    pass\n", "x\n", "print('hi')\n",
                "logger = logging.getLogger(__name__)\n", "__version__ = version('pkg')\n", "N = 2 * 3\n",
                "F = lambda x: x\n", "S = [x for x in range(3)]\n", "A = 1 if B else 2\n",
                "if __name__ == '__main__':\n    pass\n", "@decorator\nclass A: ...\n", "for x in y:\n    pass\n",
                "assert X\n", "from a import b\nb.run()\n", "X = Y[0](1)\n", "with f as g:\n    pass\n",
                "if DEBUG:\n    import pdb\n", "except ValueError: x = f()\n", "N = (n := 3)\n" }) {
            assertThat(only(source)).as(source).isFalse();
        }
    }
}
