package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class RequirementsIncludesTest {

    private final RequirementsParser parser = new RequirementsParser();

    private Function<String, Optional<RequirementsFile>> repo(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path)).map(text -> parser.parse(path, text));
    }

    @Test
    void followsRequirementIncludesOnceEvenInACycle() {
        Function<String, Optional<RequirementsFile>> files = repo(Map.of(
                "requirements/dev.txt", "-r base.txt\npytest==8.0.0\n-r missing.txt\n",
                "requirements/base.txt", "numpy==1.26.4\n-r dev.txt\n-c ../constraints.txt\n",
                "constraints.txt", "pandas==2.1.0\n"));
        RequirementsFile dev = files.apply("requirements/dev.txt").orElseThrow();
        assertThat(RequirementsIncludes.requirementTree(dev, files)).extracting(RequirementsFile::path)
                .containsExactly("requirements/dev.txt", "requirements/base.txt");
    }

    @Test
    void aTreeStopsAtTenLevelsAndAHundredFiles() {
        Map<String, String> wide = new java.util.HashMap<>();
        StringBuilder root = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            root.append("-r f").append(i).append(".txt\n");
            wide.put("f" + i + ".txt", "-r requirements.txt\npkg" + i + "\n");
        }
        wide.put("requirements.txt", root.toString());
        Function<String, Optional<RequirementsFile>> files = repo(wide);
        assertThat(RequirementsIncludes.requirementTree(files.apply("requirements.txt").orElseThrow(), files))
                .hasSize(RequirementsIncludes.MAX_FILES);

        Map<String, String> deep = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            deep.put("d" + i + ".txt", "-r d" + (i + 1) + ".txt\n");
        }
        Function<String, Optional<RequirementsFile>> chain = repo(deep);
        assertThat(RequirementsIncludes.requirementTree(chain.apply("d0.txt").orElseThrow(), chain))
                .hasSize(RequirementsIncludes.MAX_DEPTH + 1);
    }

    @Test
    void constraintsFromAnywhereInTheTreePinByName() {
        Function<String, Optional<RequirementsFile>> files = repo(Map.of(
                "requirements.txt", "-r base.txt\npandas\ntorch\nscipy\n",
                "base.txt", "-c constraints.txt\nnumpy\n",
                "constraints.txt", "numpy==1.26.4\npandas==2.1.0\ntorch>=2\n-c more-constraints.txt\n",
                "more-constraints.txt", "torch==2.1.0\n"));
        RequirementsFile root = files.apply("requirements.txt").orElseThrow();
        Map<String, Requirement> constraints = RequirementsIncludes.constraints(root, files);
        assertThat(constraints).containsOnlyKeys("numpy", "pandas", "torch");
        assertThat(constraints.get("torch").specifier()).isEqualTo("==2.1.0");
        assertThat(root.requirements()).map(r -> r.name() + ":" + r.isPinnedBy(constraints))
                .containsExactly("pandas:true", "torch:true", "scipy:false");
    }

    @Test
    void aFileWithoutConstraintsHasNone() {
        Function<String, Optional<RequirementsFile>> files = repo(Map.of("requirements.txt", "numpy\n-c gone.txt\n"));
        assertThat(RequirementsIncludes.constraints(files.apply("requirements.txt").orElseThrow(), files)).isEmpty();
    }
}
