package dev.mlreadiness.engine.randomness;

import static dev.mlreadiness.engine.randomness.RandomApi.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;

class RandomApisTest {

    @Test
    void entriesAreIndexedByTheirLiteralTopLevelModulesOrMethodNames() {
        assertThat(RandomApis.indexKeys(api("sklearn.**.PCA"))).containsExactly("sklearn");
        assertThat(RandomApis.indexKeys(api("{tensorflow,keras}.**.random.*")))
                .containsExactlyInAnyOrder("tensorflow", "keras");
        assertThat(RandomApis.indexKeys(api("random.*"))).containsExactly("random");
        assertThat(RandomApis.indexKeys(api(".sample"))).containsExactly("sample");
        assertThat(RandomApis.indexKeys(api(".{flow,flow_from_directory}")))
                .containsExactlyInAnyOrder("flow", "flow_from_directory");
        assertThatThrownBy(() -> RandomApis.indexKeys(api("sk*.PCA"))).as("a wildcard could not be indexed")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RandomApis.indexKeys(api(".fit*"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RandomApis.indexKeys(api("PCA"))).isInstanceOf(IllegalStateException.class);
        assertThat(RandomApis.TABLE).allSatisfy(a -> assertThat(RandomApis.indexKeys(a)).isNotEmpty());
    }

    @Test
    void callsOfEachModuleStillFindTheirEntryAndLookAlikesDoNot() {
        List<Finding> findings = TestRepo.create().file("src/m.py", """
                import tensorflow as tf
                import keras
                import random
                import numpy
                from sklearn.decomposition import PCA
                a = tf.random.normal([2])
                b = keras.random.uniform([2])
                c = random.choice([1, 2])
                d = numpy.random.rand(3)
                e = PCA(2, svd_solver="randomized")
                f = mytf.random.normal([2])
                g = numpy.asarray([1])
                h = df.sample(3)
                """).scan(new RandomSeedRule()).findings();

        assertThat(findings).extracting(Finding::line).containsExactly(6, 7, 8, 9, 10, 13);
    }
}
