package dev.mlreadiness.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run the {@code readiness} launcher records its class-data-sharing archive from
 * ({@code java -XX:ArchiveClassesAtExit=... -cp ml-readiness-cli.jar dev.mlreadiness.cli.ArchiveTraining DIR}): the
 * archive holds the classes this run loads, lambdas included, so each path a user takes should be in it. One
 * {@code check} of a folder that is not an ML project (a new empty folder: the plain-folder walk, the detection
 * without a notebook) and one of each {@code DIR} (an ML project: the rules), both through {@link Main#cli}, their
 * reports dropped. Without the first, a check that decides "not an ML project" generated its lambdas at run time.
 */
public final class ArchiveTraining {

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        try {
            Path empty = Files.createTempDirectory("readiness-archive");
            try {
                Main.cli(nowhere, nowhere).run("check", empty.toString());
            } finally {
                Files.delete(empty);
            }
        } catch (IOException e) {
            // no temporary folder here: the archive still gets the other checks' classes
        }
        for (String dir : args) {
            Main.cli(nowhere, nowhere).run("check", dir);
        }
    }
}
