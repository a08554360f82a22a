package org.imbalanced4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library modules' javadoc (issue 20): every public and protected type and member has a
 * comment, and doclint finds nothing else wrong (HTML, references, syntax). Only the tags the
 * "missing" group would also demand on every member ({@code @param}, {@code @return},
 * {@code @throws}) are left to the sentence, as the parent POM's javadoc configuration does.
 */
class ApiDocsTest {
  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"core", "djl", "boost", "spark"})
  void everyPublicTypeAndMemberIsDocumentedWithoutDoclintWarnings(String module) throws IOException {
    Path root = Path.of("..", module, "src", "main", "java");
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !root.relativize(p).startsWith("libsvm")) // LIBSVM's package, extended: not ours to document
          .toList();
    }
    assertThat(sources).hasSizeGreaterThan(3);
    DocumentationTool tool = ToolProvider.getSystemDocumentationTool();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = tool.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-Xdoclint:all", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000", "-quiet",
          "-protected", "-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
          "-sourcepath", root.toString());
      DocumentationTool.DocumentationTask task = tool.getTask(new StringWriter(), files, diagnostics, null, options,
          files.getJavaFileObjectsFromPaths(sources));
      task.call();
    }
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.NOTE || message.startsWith("no @param") || message.startsWith("no @return")
          || message.startsWith("no @throws")) {
        continue;
      }
      problems.add((d.getSource() == null ? "" : d.getSource().getName() + ":"
          + d.getLineNumber() + ": ") + message);
    }
    assertThat(problems).as(module + ": undocumented or malformed javadoc").isEmpty();
  }
}
