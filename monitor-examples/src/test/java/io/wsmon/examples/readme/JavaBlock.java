package io.wsmon.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file.
 *
 * @param fenceLine the line of the opening fence, counted from 1
 * @param lines the block's lines, without the fences
 */
record JavaBlock(int fenceLine, List<String> lines) {

    private static final Pattern OPENING = Pattern.compile("^\\s*```java\\s*$");
    private static final Pattern CLOSING = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "^((?:public |final |abstract |sealed |non-sealed )*)(class|record|interface|enum) (\\w+)");
    private static final Pattern MEMBER = Pattern.compile(
            "^(@\\w+|[\\w.<>\\[\\], ?]+ \\w+\\([^;]*\\)\\s*(throws [\\w., ]+)?\\{)");
    private static final Pattern PLACEHOLDER_LINE = Pattern.compile("^(\\s*)\\.\\.\\.\\s*$");
    private static final Pattern PLACEHOLDER_LAMBDA = Pattern.compile("->\\s*\\.\\.\\.");

    JavaBlock {
        lines = List.copyOf(lines);
    }

    /**
     * @param markdown a Markdown text
     * @return its {@code ```java} blocks, in order
     * @throws IllegalArgumentException when a block is never closed, naming its line
     */
    static List<JavaBlock> extract(List<String> markdown) {
        List<JavaBlock> blocks = new ArrayList<>();
        for (int i = 0; i < markdown.size(); i++) {
            if (!OPENING.matcher(markdown.get(i)).matches()) {
                continue;
            }
            int open = i;
            List<String> body = new ArrayList<>();
            for (i++; i < markdown.size() && !CLOSING.matcher(markdown.get(i)).matches(); i++) {
                body.add(markdown.get(i));
            }
            if (i == markdown.size()) {
                throw new IllegalArgumentException("README.md:" + (open + 1) + ": the ```java block is never closed");
            }
            blocks.add(new JavaBlock(open + 1, body));
        }
        return blocks;
    }

    /** The README line of the block's line {@code index} (from 0). */
    int readmeLine(int index) {
        return fenceLine + 1 + index;
    }

    /**
     * The text with the manual's two placeholders made compilable: a line that is just {@code ...} becomes
     * a comment, a lambda body {@code -> ...} one that throws. Import lines become blank lines, so each
     * line keeps its number.
     */
    List<String> compilableLines() {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            Matcher placeholder = PLACEHOLDER_LINE.matcher(line);
            if (line.startsWith("import ")) {
                out.add("");
            } else if (placeholder.matches()) {
                out.add(placeholder.group(1) + "// ...");
            } else {
                out.add(PLACEHOLDER_LAMBDA.matcher(line).replaceAll("-> { throw new UnsupportedOperationException(); }"));
            }
        }
        return out;
    }

    /** The block's {@code import} lines, which are honoured as written. */
    List<String> imports() {
        return lines.stream().filter(line -> line.startsWith("import ")).toList();
    }

    /** Whether the block declares a top-level type, and is then a compilation unit of its own. */
    boolean declaresType() {
        return lines.stream().anyMatch(line -> TYPE.matcher(line).find());
    }

    /**
     * Whether the block is members of a class (methods, perhaps annotated, as a Spring configuration
     * shows them) rather than statements: its first line of code starts at column 0 with an annotation or
     * a method declaration.
     */
    boolean declaresMembers() {
        return lines.stream().filter(line -> !line.isBlank() && !line.startsWith("import ") && !line.startsWith("//"))
                .findFirst().map(line -> MEMBER.matcher(line).find()).orElse(false);
    }

    /** The name of the first public top-level type, which names the file; {@code null} when none. */
    String publicTypeName() {
        for (String line : lines) {
            Matcher m = TYPE.matcher(line);
            if (m.find() && m.group(1) != null && m.group(1).contains("public")) {
                return m.group(3);
            }
        }
        return null;
    }

}
