package dev.mlreadiness.report;

import static dev.mlreadiness.engine.TestRules.ALWAYS_PASSES;
import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.TODO;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

/** Small repositories whose reports the renderer tests print. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static Report fullScan() {
        return TestRepo.create().file("src/a b.py", "x = 1  # TODO\ny = 2\n").file("train.py", "# TODO\n")
                .scan(LICENSE, ALWAYS_PASSES, TODO);
    }

    static Report pullRequest() {
        return TestRepo.create().file("LICENSE", "MIT\n").file("a.py", "old = 1  # TODO\n")
                .change().modify("a.py", "old = 1  # TODO\nnew = 2  # TODO\n").delete("LICENSE")
                .evaluate(LICENSE, ALWAYS_PASSES, TODO);
    }
}
