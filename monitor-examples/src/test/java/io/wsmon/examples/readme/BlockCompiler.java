package io.wsmon.examples.readme;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles README code blocks with {@link JavaCompiler} against a class path. A block that declares a
 * top-level type is a compilation unit of its own; a block of class members (annotated methods, as a
 * Spring configuration) goes into a class body; any other block is a run of statements, put in a method.
 * Both classes have the fields {@code service}, {@code server}, {@code snapshot}, {@code alert},
 * {@code alerts} and {@code sslContext}: the variables the manual takes as given (a block that declares
 * one of them hides the field).
 *
 * <p>Imports: every public class of an {@code io.wsmon} package on the class path whose simple name the
 * block mentions (by the package order in {@link #PREFERRED} where two packages have the name), then the
 * {@code java} packages in {@link #JAVA_PACKAGES} on demand; {@code import} lines in a block are kept.
 */
final class BlockCompiler {

    /** The JDK packages imported on demand into every block. */
    static final List<String> JAVA_PACKAGES = List.of("java.io", "java.lang.management", "java.net", "java.net.http",
            "java.nio", "java.nio.charset", "java.nio.file", "java.time", "java.time.format", "java.util",
            "java.util.concurrent", "java.util.function", "java.util.stream");

    /** Where a simple name found in several project packages is taken from first. */
    static final List<String> PREFERRED = List.of("io.wsmon.api", "io.wsmon.api.http", "io.wsmon.core",
            "io.wsmon.core.alert", "io.wsmon.core.alert.handler", "io.wsmon.core.alert.filter",
            "io.wsmon.core.alert.delivery", "io.wsmon.core.export", "io.wsmon.core.collect", "io.wsmon.core.time",
            "io.wsmon.gpu", "io.wsmon.ws.server");

    private static final String FIELDS = "    io.wsmon.core.MonitoringService service;"
            + " io.wsmon.ws.server.WebSocketServer server; io.wsmon.api.Snapshot snapshot;"
            + " io.wsmon.api.Alert alert; io.wsmon.core.alert.AlertManager alerts; javax.net.ssl.SSLContext sslContext;";
    private static final Pattern CAPITALIZED = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
    private static final Pattern STRING_OR_COMMENT = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|//.*$");
    /** A class javac cannot find: {@code class X}, or {@code variable X} for a capitalized name before a dot. */
    private static final Pattern MISSING_CLASS = Pattern.compile("symbol:\\s+(?:class (\\w+)|variable ([A-Z]\\w*))");
    private static final Pattern MISSING_PACKAGE = Pattern.compile("package ([\\w.]+) does not exist");

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final String classPath;
    private final Map<String, String> projectClasses;

    /**
     * @param classPath what the blocks compile against, as {@code java.class.path} writes it
     * @throws IOException when the class path cannot be listed
     */
    BlockCompiler(String classPath) throws IOException {
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + "): the README check needs a JDK");
        }
        this.classPath = classPath;
        this.projectClasses = indexProjectClasses();
    }

    /**
     * Compiles every block at once; when that fails, each block alone, because javac stops before the
     * type checks of every file once one file does not parse.
     *
     * @param blocks the blocks
     * @param out where the class files go
     * @return one problem per error, naming the README line; empty when every block compiles
     */
    List<String> compile(List<JavaBlock> blocks, Path out) throws IOException {
        List<String> problems = compileTogether(blocks, out);
        if (problems.isEmpty() || blocks.size() == 1) {
            return problems;
        }
        List<String> each = new ArrayList<>();
        for (JavaBlock block : blocks) {
            each.addAll(compileTogether(List.of(block), out));
        }
        return each;
    }

    private List<String> compileTogether(List<JavaBlock> blocks, Path out) throws IOException {
        Map<JavaFileObject, Unit> units = new LinkedHashMap<>();
        for (JavaBlock block : blocks) {
            Unit unit = unit(block);
            units.put(unit.source, unit);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath, "-d", out.toString(), "-proc:none",
                    "--release", "17", "-Xlint:none", "-implicit:none", "-Xmaxerrs", "1000");
            compiler.getTask(null, files, diagnostics, options, null, units.keySet()).call();
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Unit unit = units.get(d.getSource());
            String message = d.getMessage(Locale.ROOT);
            if (unit == null) {
                problems.add("README.md: " + message);
                continue;
            }
            int index = (int) d.getLineNumber() - 1 - unit.headerLines;
            String where = "README.md:" + (index >= 0 && index < unit.block.lines().size()
                    ? unit.block.readmeLine(index) : unit.block.fenceLine())
                    + " (the ```java block at line " + unit.block.fenceLine() + ")";
            problems.add(where + ": " + message + hint(message));
        }
        return problems;
    }

    /** Says what to do when a class or package is not on the class path. */
    private String hint(String message) {
        Matcher pkg = MISSING_PACKAGE.matcher(message);
        Matcher cls = MISSING_CLASS.matcher(message);
        String missing = pkg.find() ? "package " + pkg.group(1)
                : cls.find() ? (cls.group(1) != null ? cls.group(1) : cls.group(2)) : null;
        if (missing == null) {
            return "";
        }
        return "\n    -> " + missing + " is not on monitor-examples' test class path, or not in a package this check"
                + " imports from (public classes of io.wsmon.*, and " + String.join(", ", JAVA_PACKAGES) + "): add the"
                + " module or library that provides it as a dependency of monitor-examples, or an import line to the block";
    }

    private record Unit(JavaBlock block, JavaFileObject source, int headerLines) {}

    private Unit unit(JavaBlock block) {
        List<String> header = new ArrayList<>(block.imports());
        for (String name : mentionedProjectClasses(block)) {
            header.add("import " + projectClasses.get(name) + ";");
        }
        JAVA_PACKAGES.forEach(pkg -> header.add("import " + pkg + ".*;"));
        String className;
        List<String> lines = new ArrayList<>(header);
        if (block.declaresType()) {
            String publicType = block.publicTypeName();
            className = publicType != null ? publicType : "ReadmeLine" + block.fenceLine();
            lines.addAll(block.compilableLines());
        } else if (block.declaresMembers()) {
            className = "ReadmeLine" + block.fenceLine();
            lines.add("class " + className + " {" + FIELDS);
            lines.addAll(block.compilableLines());
            lines.add("}");
        } else {
            className = "ReadmeLine" + block.fenceLine();
            lines.add("class " + className + " {" + FIELDS + " void snippet() throws Exception {");
            lines.addAll(block.compilableLines());
            lines.add("}}");
        }
        int headerLines = header.size() + (block.declaresType() ? 0 : 1);
        String text = String.join("\n", lines) + "\n";
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        return new Unit(block, source, headerLines);
    }

    /** The project's class names the block mentions, outside strings and comments, that it does not declare. */
    private Set<String> mentionedProjectClasses(JavaBlock block) {
        Set<String> names = new TreeSet<>();
        for (String line : block.lines()) {
            if (line.startsWith("import ")) {
                continue;
            }
            Matcher m = CAPITALIZED.matcher(STRING_OR_COMMENT.matcher(line).replaceAll(" "));
            while (m.find()) {
                if (projectClasses.containsKey(m.group()) && !isJavaLang(m.group())) {
                    names.add(m.group());
                }
            }
        }
        block.lines().forEach(line -> names.removeIf(name -> line.matches(".*\\b(class|record|interface|enum) " + name + "\\b.*")));
        return names;
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Simple name to the public top-level class of an {@code io.wsmon} package that has it, by preference. */
    private Map<String, String> indexProjectClasses() throws IOException {
        Map<String, List<String>> byName = new HashMap<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_PATH,
                    Set.of(classPath.split(File.pathSeparator)).stream().map(File::new).toList());
            for (JavaFileObject file : files.list(StandardLocation.CLASS_PATH, "io.wsmon", Set.of(JavaFileObject.Kind.CLASS), true)) {
                String binaryName = files.inferBinaryName(StandardLocation.CLASS_PATH, file);
                if (!binaryName.contains("$") && !binaryName.endsWith("package-info") && isPublic(binaryName)) {
                    byName.computeIfAbsent(binaryName.substring(binaryName.lastIndexOf('.') + 1), n -> new ArrayList<>())
                            .add(binaryName);
                }
            }
        }
        Map<String, String> chosen = new HashMap<>();
        byName.forEach((name, candidates) -> {
            List<String> ranked = candidates.stream().distinct()
                    .sorted(Comparator.comparingInt(BlockCompiler::rank).thenComparing(Comparator.naturalOrder()))
                    .collect(Collectors.toList());
            if (ranked.size() == 1 || rank(ranked.get(0)) < rank(ranked.get(1))) {
                chosen.put(name, ranked.get(0)); // a tie is left out: the block then needs an import line
            }
        });
        return chosen;
    }

    private static int rank(String className) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        int preferred = PREFERRED.indexOf(pkg);
        return preferred >= 0 ? preferred : PREFERRED.size();
    }

    private static boolean isPublic(String binaryName) {
        try {
            return Modifier.isPublic(Class.forName(binaryName, false, BlockCompiler.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
