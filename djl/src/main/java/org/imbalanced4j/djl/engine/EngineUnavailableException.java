package org.imbalanced4j.djl.engine;

/** The deep-learning engine cannot run on this machine; the message says why. */
public class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The engine cannot start, with the reason. */
  public EngineUnavailableException(String message) {
    super(message);
  }

  /** The engine cannot start, with the reason and the failure behind it. */
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
