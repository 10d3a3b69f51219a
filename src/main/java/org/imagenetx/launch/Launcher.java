package org.imagenetx.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.imagenetx.daemon.DaemonClient;

/**
 * The main class of {@code target/imagenetx.jar}: a served command goes to the resident server
 * without the tool's classes; any other runs {@code org.imagenetx.cli.Main} from the tool's jar
 * ({@link EngineJar}).
 */
public final class Launcher {
  /** The tool's entry point, loaded from the tool's jar. */
  static final String MAIN = "org.imagenetx.cli.Main";

  private Launcher() {}

  /**
   * @param args command line
   * @throws Throwable what the tool's {@code main} throws
   */
  public static void main(String[] args) throws Throwable {
    int code = DaemonClient.attempt(args);
    if (code >= 0) {
      System.exit(code);
    }
    ClassLoader engine;
    try {
      engine = EngineJar.loader(Launcher.class);
    } catch (IOException e) {
      System.err.println("imagenetx: error: cannot unpack the tool's classes: " + e.getMessage());
      System.exit(70);
      return;
    }
    Thread.currentThread().setContextClassLoader(engine);
    Method main = Class.forName(MAIN, true, engine).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
