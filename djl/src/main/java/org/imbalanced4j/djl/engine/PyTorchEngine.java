package org.imbalanced4j.djl.engine;

import ai.djl.engine.Engine;

/**
 * DJL's PyTorch engine, loaded offline from the {@code pytorch-native-cpu} jar on the class path
 * (nothing is downloaded), with one intra-op thread per available core.
 *
 * <pre>{@code
 * Engine e = PyTorchEngine.get();
 * try (NDManager m = e.newBaseManager()) { ... }
 * }</pre>
 */
public final class PyTorchEngine {
  private static volatile Engine engine;

  private PyTorchEngine() {}

  /**
   * The engine, loading it on first use.
   *
   * @throws EngineUnavailableException with the reason when the native library cannot load
   */
  public static Engine get() {
    Engine e = engine;
    if (e == null) {
      synchronized (PyTorchEngine.class) {
        e = engine;
        if (e == null) {
          e = load();
          engine = e;
        }
      }
    }
    return e;
  }

  /**
   * Turns autograd recording off for the calling thread. PyTorch's grad mode is per thread and
   * on by default in threads DJL did not start the engine in; parameter updates and inference
   * must run with it off.
   */
  public static void noGrad() {
    get();
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
  }

  private static Engine load() {
    String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", cores));
    System.setProperty("ai.djl.pytorch.num_interop_threads",
        System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
    try {
      Engine e = Engine.getEngine("PyTorch");
      if (e == null) {
        throw new EngineUnavailableException("DJL found no PyTorch engine on the class path");
      }
      return e;
    } catch (EngineUnavailableException ex) {
      throw ex;
    } catch (RuntimeException | LinkageError ex) {
      Throwable root = ex;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new EngineUnavailableException(
          "the PyTorch engine could not load its native library (pytorch-native-cpu "
              + "linux-x86_64 must be on the class path; this build runs on Linux x86-64 only): "
              + root.getMessage(), ex);
    }
  }
}
