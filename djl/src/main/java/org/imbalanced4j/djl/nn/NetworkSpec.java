package org.imbalanced4j.djl.nn;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;

/**
 * What a network is, independent of its parameters: the architecture ({@code mlp} or {@code
 * attention} for tables, {@code cnn} or {@code resnet32} for images), hidden widths and dropout. Builds the block for a number of inputs and classes, and
 * is what a saved network stores, so the same spec rebuilds the same block before its parameters
 * are loaded.
 *
 * @param type {@code mlp} ({@link TabularNetworks#mlp}) or {@code attention} ({@link
 *     TabularNetworks#attention})
 * @param hidden the MLP's hidden widths
 * @param dropout the dropout rate
 * @param attention the attention module of an image network: {@code none}, {@code se} or {@code cbam}
 * @param cut a {@link #TORCHSCRIPT} backbone's cut head ({@link TorchScriptCut}), else null
 * @param head the classifier: {@code linear}, or {@code cosine} ({@link CosineClassifier}, for the
 *     image networks cnn and resnet32: what LDAM trains)
 */
public record NetworkSpec(String type, int[] hidden, float dropout, String attention, String cut, String head) {
  /** The classifier heads. */
  public static final List<String> HEADS = List.of("linear", "cosine");

  /** The architectures that can end in a cosine classifier. */
  public static final List<String> COSINE_TYPES = List.of("cnn", "resnet32");

  /** The architectures. */
  public static final List<String> TYPES = List.of("mlp", "attention", "cnn", "resnet32", "bbn");

  /** The architectures for images; the others are for tables. */
  public static final List<String> IMAGE_TYPES = List.of("cnn", "resnet32", "bbn");

  /**
   * A TorchScript backbone ({@link ScriptBackbone}, its feature width the one {@code hidden}) with a
   * linear head: what {@code --pretrained model.pt} trains; not a {@code --model} of its own.
   */
  public static final String TORCHSCRIPT = "torchscript";

  /** Checks the widths. */
  public NetworkSpec {
    if (type.equals(TORCHSCRIPT) && (hidden.length != 1 || cut == null)) {
      throw new IllegalArgumentException("a TorchScript backbone has one feature width and a cut head");
    }
    if (!TYPES.contains(type) && !type.equals(TORCHSCRIPT)) {
      throw InvalidOptionException.unknown("network", type, TYPES);
    }
    if (!Attention.NAMES.contains(attention)) {
      throw InvalidOptionException.unknown("attention", attention, Attention.NAMES);
    }
    if (!attention.equals("none") && !IMAGE_TYPES.contains(type)) {
      throw new InvalidOptionException("attention modules are for the image networks " + IMAGE_TYPES);
    }
    if (!HEADS.contains(head)) {
      throw InvalidOptionException.unknown("head", head, HEADS);
    }
    if (head.equals("cosine") && !COSINE_TYPES.contains(type)) {
      throw new InvalidOptionException("a cosine classifier head is for the image networks cnn and resnet32, not " + type);
    }
    if (hidden.length > MAX_LAYERS || java.util.Arrays.stream(hidden).anyMatch(w -> w < 1 || w > MAX_WIDTH)) {
      throw new InvalidOptionException("hidden widths are " + MAX_LAYERS + " or fewer, each from 1 to " + MAX_WIDTH
          + ": " + java.util.Arrays.toString(hidden));
    }
    hidden = hidden.clone();
  }

  /** The most hidden layers and the widest one a spec may have (a damaged model.json cannot ask for more). */
  public static final int MAX_LAYERS = 16;

  /** The widest layer accepted. */
  public static final int MAX_WIDTH = 65_536;

  /** A network with a linear classifier head. */
  public NetworkSpec(String type, int[] hidden, float dropout, String attention, String cut) {
    this(type, hidden, dropout, attention, cut, "linear");
  }

  /** A network of our own making. */
  public NetworkSpec(String type, int[] hidden, float dropout, String attention) {
    this(type, hidden, dropout, attention, null);
  }

  /** This network with the classifier head {@code head} ({@link #HEADS}). */
  public NetworkSpec withHead(String head) {
    return new NetworkSpec(type, hidden, dropout, attention, cut, head);
  }

  /** A network without an attention module. */
  public NetworkSpec(String type, int[] hidden, float dropout) {
    this(type, hidden, dropout, "none");
  }

  /** A TorchScript backbone of {@code features} outputs whose head {@code cut} was cut, then a linear head. */
  public static NetworkSpec torchScript(int features, String cut) {
    return new NetworkSpec(TORCHSCRIPT, new int[] {features}, 0, "none", cut);
  }

  /** The hidden layers' widths, a copy. */
  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  /** The untrained block for {@code inputs} input columns and {@code classes} logits. */
  public Block build(int inputs, int classes) {
    return switch (type) {
      case "bbn" -> ImageNetworks.torchInit(new BilateralBranchNetwork(classes, attention));
      case "attention" -> TabularNetworks.attention(inputs, classes, 32, 4, 2, dropout);
      case "cnn" -> ImageNetworks.torchInit(ImageNetworks.cnn(classes, dropout, attention, head));
      case "resnet32" -> ImageNetworks.torchInit(ImageNetworks.resnet(32, classes, attention, head));
      case TORCHSCRIPT -> new ai.djl.nn.SequentialBlock().add(new ScriptBackbone(hidden[0], cut))
          .add(ImageNetworks.torchInit(ai.djl.nn.core.Linear.builder().setUnits(classes).build()));
      default -> TabularNetworks.mlp(classes, hidden, dropout);
    };
  }

  /** Whether the network ends in a {@link CosineClassifier}. */
  public boolean cosineHead() {
    return head.equals("cosine");
  }

  /** Whether the network is BBN: two batches in while training, two branches' logits out. */
  public boolean bilateral() {
    return type.equals("bbn");
  }

  /** Whether the network takes images rather than table rows. */
  public boolean forImages() {
    return IMAGE_TYPES.contains(type) || type.equals(TORCHSCRIPT);
  }

  /** The spec as a saved model holds it. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("hidden", hidden);
    m.put("dropout", dropout);
    m.put("attention", attention);
    if (cut != null) {
      m.put("cut", cut);
    }
    if (!head.equals("linear")) {
      m.put("head", head);
    }
    return m;
  }

  /** The inverse of {@link #toMap()}. */
  public static NetworkSpec read(JsonNode n) {
    JsonNode h = n.get("hidden");
    int[] hidden = new int[h.size()];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = h.get(i).asInt();
    }
    return new NetworkSpec(n.get("type").asText(), hidden, (float) n.get("dropout").asDouble(),
        n.path("attention").asText("none"), n.hasNonNull("cut") ? n.get("cut").asText() : null,
        n.path("head").asText("linear"));
  }
}
