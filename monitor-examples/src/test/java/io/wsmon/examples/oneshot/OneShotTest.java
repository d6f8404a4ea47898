package io.wsmon.examples.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example run as a plain {@code main} in a JVM of its own: it prints and ends by itself. */
class OneShotTest {

    @TempDir
    Path dir;

    @Test
    void main_processorAndMemory_printsThemAndExits() throws Exception {
        Run run = run("processor", "memory");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).containsPattern("CPU: \\d+\\.\\d%").containsPattern("RAM: \\d+\\.\\d%")
                .contains("\"type\":\"monitoring_data\"").doesNotContain("\"disk\"");
    }

    @Test
    void main_unknownName_exitsTwoNamingIt() throws Exception {
        Run run = run("processor", "cpu");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("only: no monitor is named 'cpu'; known: ");
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OneShot.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the example did not end within 60 s: a thread keeps it alive?");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
