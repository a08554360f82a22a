package org.imbalanced4j.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.imbalanced4j.DataException;

/**
 * A class-per-folder directory of images, as torchvision's {@code ImageFolder} reads it: each
 * sub-directory is a class (sorted by name), each PNG, JPEG, BMP or GIF file in it (sorted by
 * name, sub-directories included) an image; a folder of images and no sub-folders holds images
 * without classes, to score. Decoded on all cores with the JDK's image readers;
 * grayscale stays one channel unless some image has colour, then every image is RGB (alpha
 * dropped). Without a size every image must have the first one's; with one, each is resized
 * (bilinear) on load.
 */
public final class ImageFolder {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

  private ImageFolder() {}

  /** Whether a file name has an image ending this reader decodes. */
  static boolean isImageFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(n::endsWith) && Files.isRegularFile(p);
  }

  /**
   * Reads the folder.
   *
   * @param size {@code {height, width}} to resize to, or null to require one size
   */
  public static ImageSet read(Path dir, int[] size) {
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(dir)) {
      classDirs = s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new DataException(dir + ": cannot be listed (" + e.getMessage() + ")", e);
    }
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    if (classDirs.isEmpty()) { // images without classes, to score
      try (Stream<Path> s = Files.list(dir)) {
        files.addAll(s.filter(ImageFolder::isImageFile).sorted().toList());
      } catch (IOException e) {
        throw new DataException(dir + ": cannot be listed (" + e.getMessage() + ")", e);
      }
      if (files.isEmpty()) {
        throw new DataException(dir + ": no images and no class folders (a folder of images holds one sub-folder "
            + "per class, or images to score)");
      }
      return decodeAll(dir, files, null, classes, size);
    }
    for (Path c : classDirs) {
      List<Path> images;
      try (Stream<Path> s = Files.walk(c)) {
        images = s.filter(ImageFolder::isImageFile).sorted().toList();
      } catch (IOException e) {
        throw new DataException(c + ": cannot be listed (" + e.getMessage() + ")", e);
      }
      if (images.isEmpty()) {
        throw new DataException(c + ": a class folder with no images (" + String.join(", ", EXTENSIONS) + ")");
      }
      for (Path p : images) {
        files.add(p);
        labels.add(classes.size());
      }
      classes.add(c.getFileName().toString());
    }
    return decodeAll(dir, files, labels.stream().mapToInt(Integer::intValue).toArray(), classes, size);
  }

  private static ImageSet decodeAll(Path dir, List<Path> files, int[] labels, List<String> classes, int[] size) {
    BufferedImage[] decoded = new BufferedImage[files.size()];
    IntStream.range(0, files.size()).parallel().forEach(i -> decoded[i] = decode(files.get(i)));
    int h = size != null ? size[0] : decoded[0].getHeight();
    int w = size != null ? size[1] : decoded[0].getWidth();
    boolean colour = false;
    for (int i = 0; i < decoded.length; i++) {
      BufferedImage b = decoded[i];
      if (size == null && (b.getHeight() != h || b.getWidth() != w)) {
        throw new DataException("mixed image sizes: " + dir.relativize(files.get(0)) + " is " + w + "x" + h + ", "
            + dir.relativize(files.get(i)) + " is " + b.getWidth() + "x" + b.getHeight()
            + "; give --size to resize on load");
      }
      colour |= b.getColorModel().getNumColorComponents() > 1;
    }
    int ch = colour ? 3 : 1;
    int s = ch * h * w;
    byte[] pixels = new byte[files.size() * s];
    boolean rgb = colour;
    IntStream.range(0, files.size()).parallel().forEach(i -> {
      store(decoded[i], h, w, rgb, pixels, i * s);
      decoded[i] = null;
    });
    List<String> names = files.stream().map(p -> dir.relativize(p).toString()).toList();
    return new ImageSet(ch, h, w, pixels, labels, classes, names);
  }

  private static BufferedImage decode(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DataException(file + ": not an image the reader knows (PNG, JPEG, BMP, GIF)");
      }
      ImageReader r = readers.next();
      List<String> warnings = new ArrayList<>();
      r.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      try {
        r.setInput(in, true, true);
        BufferedImage b = r.read(0);
        if (!warnings.isEmpty()) {
          throw new DataException(file + ": damaged image (" + warnings.get(0) + ")");
        }
        return b;
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataException d) {
        throw d;
      }
      throw new DataException(file + ": cannot be decoded (truncated or damaged: " + e.getMessage() + ")", e);
    }
  }

  /**
   * The image at size {@code h x w}, as one gray or three RGB planes at {@code out[at...]}. Gray
   * values are taken as stored and copied into each of three planes for RGB (as PIL's {@code
   * convert("RGB")}), never passed through Java 2D's linear-gray colour conversion.
   */
  private static void store(BufferedImage b, int h, int w, boolean rgb, byte[] out, int at) {
    int plane = h * w;
    if (b.getColorModel().getNumColorComponents() == 1) {
      BufferedImage g = b;
      if (b.getType() != BufferedImage.TYPE_BYTE_GRAY || b.getWidth() != w || b.getHeight() != h) {
        g = draw(b, w, h, BufferedImage.TYPE_BYTE_GRAY);
      }
      byte[] gray = (byte[]) g.getRaster().getDataElements(0, 0, w, h, null);
      for (int k = 0; k < (rgb ? 3 : 1); k++) {
        System.arraycopy(gray, 0, out, at + k * plane, plane);
      }
      return;
    }
    BufferedImage t = b.getWidth() == w && b.getHeight() == h ? b : draw(b, w, h, BufferedImage.TYPE_INT_RGB);
    int[] argb = t.getRGB(0, 0, w, h, null, 0, w);
    for (int p = 0; p < plane; p++) {
      int v = argb[p];
      out[at + p] = (byte) (v >>> 16);
      out[at + plane + p] = (byte) (v >>> 8);
      out[at + 2 * plane + p] = (byte) v;
    }
  }

  /** {@code b} drawn at {@code w x h} (bilinear) into a new image of {@code type}. */
  private static BufferedImage draw(BufferedImage b, int w, int h, int type) {
    BufferedImage t = new BufferedImage(w, h, type);
    Graphics2D g = t.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(b, 0, 0, w, h, null);
    g.dispose();
    return t;
  }
}
