package io.wsmon.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.core.testing.Await;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness the dashboard's browser tests rely on: a page's JavaScript errors reach {@link BrowserPage#errors()},
 * which each of those tests requires to be empty, so an error the dashboard raises or logs fails them.
 */
class BrowserPageTest {

    @TempDir
    Path profile;

    @Test
    void errors_aPageThatThrowsRejectsAndLogs_areAllRecordedButAWarningIsNot() throws Exception {
        Optional<Path> executable = HeadlessChromium.find();
        assumeTrue(executable.isPresent(), "needs Chromium at /usr/bin/chromium (Debian: chromium; .ci/run installs it)");
        try (HeadlessChromium chromium = HeadlessChromium.start(executable.get(), profile);
             BrowserPage page = chromium.page()) {
            String html = "<script>console.warn('only a warning'); console.error('logged', 42);"
                    + " setTimeout(() => { throw new TypeError('thrown later'); });"
                    + " Promise.reject(new Error('never caught'));</script>";

            page.navigate("data:text/html," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));

            Await.until("three errors", () -> page.errors().size() >= 3);
            assertThat(page.errors()).hasSize(3)
                    .anySatisfy(error -> assertThat(error).isEqualTo("console.error: logged 42"))
                    .anySatisfy(error -> assertThat(error).startsWith("uncaught: TypeError: thrown later"))
                    .anySatisfy(error -> assertThat(error).contains("Error: never caught"));
        }
    }
}
