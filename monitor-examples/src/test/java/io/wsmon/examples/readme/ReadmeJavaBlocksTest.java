package io.wsmon.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code ```java} block of the README compiles against all modules: the manual cannot drift. */
class ReadmeJavaBlocksTest {

    private static final Path README = Path.of("..", "README.md");

    private static BlockCompiler compiler;

    @TempDir
    Path out;

    @BeforeAll
    static void indexTheClassPath() throws IOException {
        compiler = new BlockCompiler(System.getProperty("java.class.path"));
    }

    @Test
    void readme_everyJavaBlock_compiles() throws IOException {
        assertThat(README).as("the README, run from the module's directory").exists();
        List<JavaBlock> blocks = JavaBlock.extract(Files.readAllLines(README));
        assertThat(blocks).hasSizeGreaterThan(5);

        List<String> problems = compiler.compile(blocks, out);

        if (!problems.isEmpty()) {
            fail(problems.size() + " error(s) in the README's ```java blocks:\n" + String.join("\n", problems));
        }
    }

    @Test
    void block_needingAClassNotOnTheClassPath_failsNamingTheLineAndTheClass() throws IOException {
        List<String> markdown = List.of(
                "# Metrics",
                "",
                "```java",
                "MeterRegistry registry = new SimpleMeterRegistry();",
                "```");

        List<String> problems = compiler.compile(JavaBlock.extract(markdown), out);

        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem)
                .startsWith("README.md:4 (the ```java block at line 3): cannot find symbol")
                .contains("is not on monitor-examples' test class path"));
        assertThat(String.join("\n", problems)).contains("MeterRegistry", "SimpleMeterRegistry");
    }

    @Test
    void block_usingTheGivenVariablesAndPlaceholders_compiles() throws IOException {
        List<String> markdown = List.of(
                "```java",
                "service.subscribe(s -> ...);",
                "try (var monitors = SystemMonitors.builder().build()) {",
                "    ...",
                "}",
                "```");

        assertThat(compiler.compile(JavaBlock.extract(markdown), out)).isEmpty();
    }

    @Test
    void block_declaringAType_isACompilationUnitWithItsImports() throws IOException {
        List<String> markdown = List.of(
                "```java",
                "import java.util.concurrent.atomic.AtomicLong;",
                "",
                "public final class QueueMonitor implements Monitor<Long> {",
                "    private final AtomicLong depth = new AtomicLong();",
                "    @Override public String name() { return \"queue\"; }",
                "    @Override public Long collect() { return depth.get(); }",
                "}",
                "```",
                "",
                "```java",
                "public final class Broken implements Monitor<Long> {",
                "    @Override public String name() { return 42; }",
                "}",
                "```");

        List<String> problems = compiler.compile(JavaBlock.extract(markdown), out);

        // the first block compiles; the second does not, and only it is named
        assertThat(problems).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).contains("(the ```java block at line 11)"))
                .anySatisfy(problem -> assertThat(problem).startsWith("README.md:13 ").contains("incompatible types"));
    }

    @Test
    void block_ofAnnotatedMethods_isAClassBody_andAnAnnotationNotOnTheClassPathIsNamed() throws IOException {
        List<String> markdown = List.of(
                "```java",
                "@Deprecated",
                "MonitoringService monitoringService() {",
                "    return MonitoringService.builder().interval(Duration.ofSeconds(1)).start();",
                "}",
                "",
                "WebSocketServer webSocket(MonitoringService service) throws IOException {",
                "    System.out.println(sslContext.getProtocol());",
                "    return WebSocketServer.builder(service).start();",
                "}",
                "```",
                "```java",
                "@Bean(destroyMethod = \"close\")",
                "MonitoringService monitoringService() {",
                "    return MonitoringService.builder().start();",
                "}",
                "```");

        List<String> problems = compiler.compile(JavaBlock.extract(markdown), out);

        assertThat(problems).singleElement().asString().startsWith("README.md:13 (the ```java block at line 12)")
                .contains("Bean", "is not on monitor-examples' test class path");
    }

    @Test
    void blocks_oneDoesNotParse_theOthersAreStillTypeChecked() throws IOException {
        List<String> markdown = List.of(
                "```java",
                ".exporter(new JsonFileExporter(Path.of(\"x\")))",
                "```",
                "```java",
                "service.noSuchMethod();",
                "```");

        List<String> problems = compiler.compile(JavaBlock.extract(markdown), out);

        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("README.md:2 "))
                .anySatisfy(problem -> assertThat(problem).startsWith("README.md:5 ").contains("noSuchMethod"));
    }

    @Test
    void extract_unclosedBlock_namesItsLine() {
        List<String> markdown = List.of("text", "```java", "int x = 1;");

        assertThatThrownBy(() -> JavaBlock.extract(markdown))
                .hasMessage("README.md:2: the ```java block is never closed");
    }
}
