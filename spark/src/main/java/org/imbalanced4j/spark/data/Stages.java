package org.imbalanced4j.spark.data;

import org.apache.spark.SparkContext;

/**
 * Names for the Spark jobs this module starts, so that progress lines and Spark's UI say what a
 * stage does ("neighbours over partitions") rather than where in Spark it was called.
 */
public final class Stages {
  private Stages() {}

  /** The jobs started next on this thread are named {@code what} ({@code null}: not named). */
  public static void name(SparkContext sc, String what) {
    sc.setJobDescription(what);
  }
}
