package org.imbalanced4j.djl.nn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.imbalanced4j.DataException;

/**
 * A TorchScript file (what {@code torch.jit.save} writes) with its classifier head cut off, so the
 * module returns the head's input, the features. A TorchScript file is a zip archive whose {@code
 * code/} holds the module's methods as TorchScript source, recompiled when the file is loaded: the
 * call of the head in the top-level module's methods, {@code (fc).forward(x9, )}, becomes its
 * argument {@code x9}. This is what PyTorch users do with {@code model.fc = nn.Identity()}, done
 * on the file. The head's parameters stay in the archive, unused.
 *
 * <p>The head is the top-level attribute named with {@code --cut}, or else the first of {@link
 * #HEADS} the module has: torchvision's names ({@code fc} in ResNet, {@code classifier} in VGG,
 * MobileNet and EfficientNet, {@code head} in ViT and Swin).
 *
 * @param archive the cut TorchScript archive
 * @param head the attribute that was cut
 */
public record TorchScriptCut(byte[] archive, String head) {
  /** The names torchvision gives a classifier head, in the order they are looked for. */
  public static final List<String> HEADS = List.of("fc", "classifier", "head");

  private static final Pattern GLOBAL = Pattern.compile("^c([\\w.]+)\n(\\w+)\n");

  /**
   * Cuts {@code file}'s head: {@code cut} names it, or null to look for {@link #HEADS}.
   *
   * @throws DataException when the file is not a TorchScript archive, has no such head, or does
   *     not call it once in its top-level methods
   */
  public static TorchScriptCut of(Path file, String cut) {
    Map<String, byte[]> entries = read(file);
    String dataPkl = null;
    for (String name : entries.keySet()) {
      if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
        dataPkl = name;
      }
    }
    if (dataPkl == null) {
      throw notModel(file, "it has no data.pkl");
    }
    String prefix = dataPkl.substring(0, dataPkl.length() - "data.pkl".length());
    byte[] pkl = entries.get(dataPkl);
    // protocol 2: PROTO (0x80 0x02), then the top-level object's class as GLOBAL 'c' module \n name \n
    String head = pkl.length > 2 && (pkl[0] & 0xff) == 0x80
        ? new String(pkl, 2, Math.min(pkl.length - 2, 512), StandardCharsets.ISO_8859_1) : "";
    Matcher g = GLOBAL.matcher(head);
    if (!g.find()) {
      throw notModel(file, "its data.pkl does not start with a module's class");
    }
    String codePath = prefix + "code/" + g.group(1).replace('.', '/') + ".py";
    byte[] code = entries.get(codePath);
    if (code == null) {
      throw notModel(file, "it has no code for its module " + g.group(1) + "." + g.group(2));
    }
    String src = new String(code, StandardCharsets.UTF_8);
    Matcher cls = Pattern.compile("(?m)^class " + Pattern.quote(g.group(2)) + "\\(Module\\):\n").matcher(src);
    if (!cls.find()) {
      throw notModel(file, "its code has no class " + g.group(2));
    }
    int start = cls.start();
    Matcher next = Pattern.compile("(?m)^class ").matcher(src);
    int end = next.find(cls.end()) ? next.start() : src.length();
    String block = src.substring(start, end);
    String name = cut != null ? cut : HEADS.stream().filter(h -> declares(block, h)).findFirst().orElseThrow(() ->
        new DataException(file + ": the network has no head named " + String.join(", ", HEADS)
            + " (its top-level layers: " + String.join(", ", attributes(block)) + "); name it with --cut LAYER"));
    if (!declares(block, name)) {
      throw new DataException(file + ": --cut " + name + ": the network has no top-level layer of that name (its "
          + "top-level layers: " + String.join(", ", attributes(block)) + ")");
    }
    String cutBlock = cutCalls(block, name, file);
    entries.put(codePath, (src.substring(0, start) + cutBlock + src.substring(end)).getBytes(StandardCharsets.UTF_8));
    entries.remove(codePath + ".debug_pkl"); // source ranges of the old code
    return new TorchScriptCut(write(entries), name);
  }

  /** The block with the one call of {@code head} replaced by its argument. */
  private static String cutCalls(String block, String head, Path file) {
    // TorchScript names the module argument as the Python source did: self, or s, or any other
    Matcher local = Pattern.compile("(?m)^\\s+(\\w+) = \\w+\\." + Pattern.quote(head) + "\\s*$").matcher(block);
    List<String> vars = new ArrayList<>();
    while (local.find()) {
      vars.add(local.group(1));
    }
    StringBuilder out = new StringBuilder(block);
    int calls = 0;
    for (String v : vars) {
      String call = "(" + v + ").forward(";
      int at;
      while ((at = out.indexOf(call)) >= 0) {
        int open = at + call.length() - 1;
        int close = matching(out, open);
        String arg = out.substring(open + 1, close).strip();
        if (arg.endsWith(",")) {
          arg = arg.substring(0, arg.length() - 1).strip();
        }
        if (arg.isEmpty() || topLevelComma(arg)) {
          throw new DataException(file + ": the head " + head + " takes " + (arg.isEmpty() ? "no" : "several")
              + " inputs; a classifier head takes the features alone");
        }
        out.replace(at, close + 1, arg);
        calls++;
      }
    }
    if (calls != 1) {
      throw new DataException(file + ": the head " + head + " is called " + calls + " times in the network's "
          + "top-level methods; cutting it needs exactly one call (name another layer with --cut)");
    }
    return out.toString();
  }

  private static int matching(CharSequence s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        if (--depth == 0) {
          return i;
        }
      }
    }
    throw new DataException("unbalanced parentheses in a TorchScript method");
  }

  private static boolean topLevelComma(String arg) {
    int depth = 0;
    for (char c : arg.toCharArray()) {
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(String block, String attribute) {
    return Pattern.compile("(?m)^  " + Pattern.quote(attribute) + " : __torch__\\.").matcher(block).find();
  }

  private static List<String> attributes(String block) {
    Matcher m = Pattern.compile("(?m)^  (\\w+) : __torch__\\.").matcher(block);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static DataException notModel(Path file, String why) {
    return new DataException(file + " is not a TorchScript model (" + why + "); export one with torch.jit.script "
        + "or torch.jit.trace and save it with .save()");
  }

  private static Map<String, byte[]> read(Path file) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        if (!e.isDirectory()) {
          try (var in = zip.getInputStream(e)) {
            entries.put(e.getName(), in.readAllBytes());
          }
        }
      }
    } catch (ZipException e) {
      throw notModel(file, "not a zip archive as torch.jit.save writes");
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw new DataException(file + ": no such file");
    } catch (IOException e) {
      throw new DataException(file + " cannot be read: " + e.getMessage(), e);
    }
    return entries;
  }

  /** The entries as an archive libtorch reads: stored, in their order. */
  private static byte[] write(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry z = new ZipEntry(e.getKey());
        CRC32 crc = new CRC32();
        crc.update(e.getValue());
        z.setSize(e.getValue().length);
        z.setCompressedSize(e.getValue().length);
        z.setCrc(crc.getValue());
        zip.putNextEntry(z);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
