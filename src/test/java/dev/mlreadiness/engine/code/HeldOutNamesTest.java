package dev.mlreadiness.engine.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldOutNamesTest {

    @Test
    void wordsSplitAtUnderscoresCaseChangesAndPunctuation() {
        assertThat(HeldOutNames.words("X_test")).containsExactly("x", "test");
        assertThat(HeldOutNames.words("valLoader")).containsExactly("val", "loader");
        assertThat(HeldOutNames.words("XTest")).containsExactly("x", "test");
        assertThat(HeldOutNames.words("mAP50")).containsExactly("m", "ap50");
        assertThat(HeldOutNames.words("data/test[:10%].csv")).containsExactly("data", "test", "10", "csv");
        assertThat(HeldOutNames.words("")).isEmpty();
    }

    @Test
    void heldOutNames() {
        for (String name : new String[] { "X_test", "x_val", "valid_loader", "val_ds", "test_dataloader",
                "eval_dataset", "holdout", "heldout_df", "Xtest", "ytest", "dvalid", "dtest", "testloader", "valset",
                "X_te", "y_valid", "dev_set", "test", "val_loss", "val_idx", "validation", "test2", "val2017_loader",
                "XTest", "valid_x" }) {
            assertThat(HeldOutNames.isHeldOutName(name)).as(name).isTrue();
        }
    }

    @Test
    void namesThatOnlyLookHeldOut() {
        for (String name : new String[] { "latest", "contest", "attestation", "testing_mode", "max_val", "val",
                "valid_mask", "is_valid", "eval_steps", "eval_metric", "std_dev", "device", "value", "interval",
                "validate", "evaluate", "byte", "te", "n_te", "X", "X_train", "tests", "protest", "test_size",
                "n_val", "val_ratio", "test_batch_size", "eval_every", "train_valid_data", "trainval_loader" }) {
            assertThat(HeldOutNames.isHeldOutName(name)).as(name).isFalse();
        }
    }

    @Test
    void heldOutStringsArePathsAndSplitNames() {
        for (String s : new String[] { "data/test.csv", "val", "dev", "validation", "test[:10%]", "data/valid/",
                "instances_val2017.json", "val_loss", "holdout.parquet", "C:\\data\\test", "valid.txt" }) {
            assertThat(HeldOutNames.isHeldOutString(s)).as(s).isTrue();
        }
        for (String s : new String[] { "valid", "eval", "eval_metric", "configs/test.yaml", "test_environment.py",
                "latest.csv", "Evaluate on the test set", "", "pytest", "data/train.csv", "test_size",
                "x".repeat(300) + "test" }) {
            assertThat(HeldOutNames.isHeldOutString(s)).as(s).isFalse();
        }
    }

    @Test
    void trainingNamesAndMeasurements() {
        assertThat(HeldOutNames.isTrainingName("X_train")).isTrue();
        assertThat(HeldOutNames.isTrainingName("trainset")).isTrue();
        assertThat(HeldOutNames.isTrainingName("X_tr")).isTrue();
        assertThat(HeldOutNames.isTrainingName("trainer")).isFalse();
        assertThat(HeldOutNames.isTrainingName("tree")).isFalse();
        assertThat(HeldOutNames.isTrainingName("X")).isFalse();
        for (String name : new String[] { "val_loss", "accuracy", "f1", "correct", "mAP", "map50", "test_acc" }) {
            assertThat(HeldOutNames.namesEvaluation(name)).as(name).isTrue();
        }
        for (String name : new String[] { "map", "label_map", "feature_map", "preds", "outputs", "accumulate" }) {
            assertThat(HeldOutNames.namesEvaluation(name)).as(name).isFalse();
        }
    }
}
