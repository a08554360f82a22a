package org.imbalanced4j.cli.options;

import java.nio.file.Path;
import org.imbalanced4j.images.ImageSet;
import org.imbalanced4j.images.ImageSets;
import picocli.CommandLine.Option;

/**
 * The options of commands that take images: {@code --labels} for IDX images, {@code --size} for a
 * folder of images of several sizes. A command's FILE is images when it is a directory or an IDX
 * file.
 */
public final class ImageOptions {
  @Option(names = "--labels", paramLabel = "LABELS.idx",
      description = "IDX label file of IDX images (MNIST format, plain or .gz); a folder's classes are its sub-folders.")
  Path labels;

  @Option(names = "--size", paramLabel = "S|WxH",
      description = "Resize the images of a folder on load to S x S or W x H pixels (needed when their sizes differ; "
          + "imb predict resizes to the model's size unless told).")
  String size;

  /** Whether {@code file} names images rather than a table. */
  public static boolean isImages(String file) {
    return !file.startsWith("builtin:") && ImageSets.isImages(Path.of(file));
  }

  /** Reads the images of {@code file}. */
  public ImageSet read(String file) {
    return ImageSets.read(Path.of(file), labels, size == null ? null : ImageSets.parseSize(size));
  }

  /**
   * Reads the images of {@code file} for a model that reads {@code model}: a folder without {@code
   * --size} is resized on load to the model's height and width, and gray images become RGB (or RGB
   * gray) when the model reads the other kind, as a user trained it with {@code --size} expects.
   */
  public ImageSet read(String file, org.imbalanced4j.data.ImageShape model) {
    Path p = Path.of(file);
    int[] s = size != null ? ImageSets.parseSize(size)
        : model != null && java.nio.file.Files.isDirectory(p) ? new int[] {model.height(), model.width()} : null;
    ImageSet set = ImageSets.read(p, labels, s);
    return model == null || set.height() != model.height() || set.width() != model.width() ? set
        : set.withChannels(model.channels());
  }
}
