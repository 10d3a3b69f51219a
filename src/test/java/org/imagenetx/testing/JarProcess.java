package org.imagenetx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The fat jar run as users run it, {@code java -jar target/imagenetx.jar}, for the ITs. */
final class JarProcess {
  /** The fat jar {@code mvn package} builds. */
  static final Path JAR = Path.of("target", "imagenetx.jar");

  private JarProcess() {}

  /**
   * @param code the exit code
   * @param out standard output and error, merged
   */
  record Run(int code, String out) {}

  /**
   * @param env environment variables set for the process
   * @param stdin its standard input, or null for none
   * @param args the command's arguments
   * @return its exit code and output
   */
  static Run run(Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }
}
