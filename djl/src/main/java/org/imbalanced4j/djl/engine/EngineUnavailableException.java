package org.imbalanced4j.djl.engine;

/** The deep-learning engine cannot run on this machine; the message says why. */
public class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(String message) {
    super(message);
  }

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
