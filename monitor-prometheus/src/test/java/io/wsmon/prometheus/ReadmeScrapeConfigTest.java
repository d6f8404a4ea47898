package io.wsmon.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Prometheus scrape configuration for a fleet is one the real Prometheus accepts. */
class ReadmeScrapeConfigTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String FIRST_LINE = "# prometheus.yml";
    private static final String TOKEN_FILE = "/etc/prometheus/wsmon.token";

    @TempDir
    Path dir;

    @Test
    void readmeScrapeConfig_promtoolCheckConfig_valid() throws Exception {
        assumeTrue(PrometheusTextTest.Tools.onPath("promtool"), "promtool not on PATH (Debian package prometheus): "
                + "the README's scrape configuration is not checked");
        assertThat(README).as("the README, run from the module's directory").exists();
        String block = block(Files.readAllLines(README));
        assertThat(block).contains("scrape_configs:", "authorization:", TOKEN_FILE);
        // promtool checks that the token file exists: the README's path is this test's file
        Path token = Files.writeString(dir.resolve("wsmon.token"), "s3cret\n");
        Path config = Files.writeString(dir.resolve("prometheus.yml"), block.replace(TOKEN_FILE, token.toString()));

        Process promtool = new ProcessBuilder("promtool", "check", "config", config.toString())
                .redirectErrorStream(true).start();
        String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(promtool.exitValue()).as("promtool check config: %s", report).isZero();
    }

    /** The lines of the README's yaml block that starts with {@value #FIRST_LINE}. */
    private static String block(List<String> readme) {
        int start = readme.indexOf(readme.stream().filter(l -> l.startsWith(FIRST_LINE)).findFirst()
                .orElseThrow(() -> new AssertionError("no block starting with '" + FIRST_LINE + "' in the README")));
        StringBuilder out = new StringBuilder();
        for (int i = start; i < readme.size() && !readme.get(i).startsWith("```"); i++) {
            out.append(readme.get(i)).append('\n');
        }
        return out.toString();
    }
}
