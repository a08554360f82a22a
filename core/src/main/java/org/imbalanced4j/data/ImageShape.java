package org.imbalanced4j.data;

/** The shape of the images a data set's rows stand for: channels, height and width in pixels. */
public record ImageShape(int channels, int height, int width) {
  /** Checks that every dimension is positive. */
  public ImageShape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("an image shape is positive, got " + channels + "x" + height + "x" + width);
    }
  }

  @Override
  public String toString() {
    return width + "x" + height + (channels == 1 ? " gray" : " x " + channels + " channels");
  }
}
