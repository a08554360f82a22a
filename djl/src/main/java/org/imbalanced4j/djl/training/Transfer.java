package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.imbalanced4j.djl.nn.ScriptBackbone;
import org.imbalanced4j.djl.nn.TorchScriptCut;

/**
 * A trained network as the start of another training: its parameters, with a new classifier head
 * (the last linear layer, freshly initialised) when the classes differ, which of them stay frozen
 * ({@code all} but the head, {@code none}, or the first N top-level layers), and the backbone's
 * learning rate as a fraction of the head's (discriminative learning rates, Howard and Ruder 2018).
 * The network is one of ours from a model directory, or a TorchScript file exported by PyTorch
 * ({@link #torchScript}).
 *
 * @param pretrained the network's training result
 * @param classes its classes, by name (none for a TorchScript file: its head is always new)
 * @param freeze {@code all}, {@code none} or a count of top-level layers
 * @param backboneRate the learning rate of every parameter but the head's, as a fraction of the
 *     head's, in (0, 1]
 */
public record Transfer(TrainingLoop.Result pretrained, List<String> classes, String freeze, double backboneRate) {
  /** Checks the freeze setting. */
  public Transfer {
    if (!(backboneRate > 0 && backboneRate <= 1)) {
      throw new InvalidOptionException("the backbone's learning rate is a fraction of the head's in (0, 1], got "
          + backboneRate);
    }
  }

  /** Every parameter at the head's learning rate. */
  public Transfer(TrainingLoop.Result pretrained, List<String> classes, String freeze) {
    this(pretrained, classes, freeze, 1);
  }

  /** This transfer with the backbone at {@code rate} times the head's learning rate. */
  public Transfer withBackboneRate(double rate) {
    return new Transfer(pretrained, classes, freeze, rate);
  }

  /**
   * A TorchScript file as a backbone: its head cut ({@link TorchScriptCut}, {@code cut} or
   * torchvision's names), its feature width found by a dry run on a batch of {@code shape}'s
   * images, which also proves the module takes them; its input torchvision's {@code ToTensor} ([0,
   * 1]) then per-channel {@code (x - mean) / std}.
   */
  public static Transfer torchScript(java.nio.file.Path file, String cut, org.imbalanced4j.data.ImageShape shape,
      float[] mean, float[] std, String freeze) {
    TorchScriptCut c = TorchScriptCut.of(file, cut);
    Shape example = new Shape(shape.channels(), shape.height(), shape.width());
    synchronized (TrainingLoop.COLLECTOR) {
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        String images = shape.channels() + "x" + shape.height() + "x" + shape.width()
            + " images (channels x height x width)";
        try {
          dryRun(manager, java.nio.file.Files.readAllBytes(file), c.head(), example);
        } catch (ai.djl.engine.EngineException e) {
          throw new DataException(file + " does not take " + images + ": " + reason(e.getMessage()));
        } catch (IOException e) {
          throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        }
        Shape out;
        try {
          out = dryRun(manager, c.archive(), c.head(), example);
        } catch (ai.djl.engine.EngineException e) {
          throw new DataException(file + ": without its layer " + c.head() + " the network fails on " + images + ": "
              + reason(e.getMessage()) + " (name the classifier head with --cut)");
        }
        if (out.dimension() != 2 || out.get(0) != 2) {
          throw new DataException(file + ": without its head " + c.head() + " the network returns " + out
              + " for 2 images; the features must be one vector per image (name the head with --cut)");
        }
        NetworkSpec spec = NetworkSpec.torchScript((int) out.get(1), c.head());
        Block net = spec.build(0, 1);
        net.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(example));
        ((ScriptBackbone) net.getChildren().get(0).getValue()).load(manager, c.archive());
        TrainingLoop.Result r = new TrainingLoop.Result(TrainingLoop.parameters(net), new InputTransform.Images(mean, std), example, 1,
            spec, 0, Double.NaN, List.of(), List.of());
        return new Transfer(r, List.of(), freeze);
      }
    }
  }

  /** The shape of a module's output for two blank images: eval mode, no gradient. */
  private static Shape dryRun(NDManager manager, byte[] archive, String head, Shape example) {
    ScriptBackbone probe = new ScriptBackbone(0, head);
    probe.load(manager, archive);
    return probe.forward(new ParameterStore(manager, false), new NDList(manager.zeros(new Shape(2).addAll(example))),
        false).singletonOrThrow().getShape();
  }

  /** libtorch's reason, without its TorchScript traceback: the last line that names an error. */
  private static String reason(String m) {
    String[] lines = (m == null ? "" : m.strip()).split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String l = lines[i].strip();
      if (l.matches("^\\w*(Error|Exception): .*")) {
        return l.substring(l.indexOf(": ") + 2);
      }
    }
    return lines[lines.length - 1].strip();
  }

  /** The parameters to start from for {@code newClasses}: the head kept when the classes are the same. */
  byte[] start(List<String> newClasses, long seed) {
    if (newClasses.equals(classes)) {
      return pretrained.parameters();
    }
    synchronized (TrainingLoop.COLLECTOR) {
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        Block old = Decoupling.Head.load(pretrained, manager);
        Decoupling.Head head = Decoupling.Head.of(pretrained, old);
        Map<String, NDArray> was = new HashMap<>();
        old.getParameters().forEach(p -> was.put(p.getKey(), p.getValue().getArray()));
        PyTorchEngine.get().setRandomSeed((int) seed);
        Block fresh = pretrained.network().build((int) pretrained.example().get(0), newClasses.size());
        fresh.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(pretrained.example()));
        for (int i = 0; i < fresh.getChildren().size(); i++) {
          if (fresh.getChildren().get(i).getValue() instanceof ScriptBackbone to) {
            to.load(manager, ((ScriptBackbone) old.getChildren().get(i).getValue()).archive());
          }
        }
        for (Pair<String, Parameter> p : fresh.getParameters()) {
          String name = p.getKey();
          if (name.equals(head.weightName()) || name.equals(head.biasName())) {
            continue; // the new head keeps its initialisation
          }
          NDArray from = was.get(name);
          NDArray to = p.getValue().getArray();
          if (from == null || !from.getShape().equals(to.getShape())) {
            throw new DataException("the pretrained network's parameter " + name + " does not fit the new one");
          }
          to.muli(0).addi(from);
        }
        return TrainingLoop.parameters(fresh);
      }
    }
  }

  /** The head's parameters' common prefix ({@code 08Linear_}). */
  private static String headPrefix(Decoupling.Head h) {
    return h.weightName().substring(0, h.weightName().length() - "weight".length());
  }

  /** The learning rate's factor of each parameter, by name: 1 for the head, {@link #backboneRate} for the rest. */
  java.util.function.ToDoubleFunction<String> rates() {
    String head;
    synchronized (TrainingLoop.COLLECTOR) {
      head = headPrefix(Decoupling.Head.of(pretrained));
    }
    return n -> n.startsWith(head) ? 1 : backboneRate;
  }

  /** The parameters that stay as they are, by name. */
  Predicate<String> frozen() {
    String head;
    java.util.LinkedHashSet<String> top = new java.util.LinkedHashSet<>();
    synchronized (TrainingLoop.COLLECTOR) {
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        Block block = Decoupling.Head.load(pretrained, manager); // loaded once for the head and the layers
        head = headPrefix(Decoupling.Head.of(pretrained, block));
        block.getParameters().forEach(p -> {
          if (!p.getKey().startsWith(head)) {
            top.add(layer(p.getKey()));
          }
        });
      }
    }
    String f = freeze.strip().toLowerCase(java.util.Locale.ROOT);
    if (f.equals("all")) {
      return n -> !n.startsWith(head);
    }
    if (f.equals("none")) {
      return n -> false;
    }
    int n;
    try {
      n = Integer.parseInt(f);
    } catch (NumberFormatException e) {
      throw new InvalidOptionException("--freeze must be all, none or a number of layers, got '" + freeze + "'");
    }
    if (n < 0 || n > top.size()) {
      throw new InvalidOptionException("--freeze " + n + " is past the backbone's depth: it has " + top.size()
          + " top-level layers with parameters before its head");
    }
    java.util.Set<String> frozen = new java.util.HashSet<>(top.stream().limit(n).toList());
    return name -> !name.startsWith(head) && frozen.contains(layer(name));
  }

  /**
   * The top-level layer of a parameter: the leading number of its name ({@code 03Conv2d_weight}:
   * {@code 03}); in a TorchScript backbone, the module's own top-level layer ({@code
   * 01ScriptBackbone_layer1.0.conv1.weight}: {@code 01ScriptBackbone_layer1}).
   */
  private static String layer(String name) {
    int i = 0;
    while (i < name.length() && Character.isDigit(name.charAt(i))) {
      i++;
    }
    String script = name.substring(0, i) + "ScriptBackbone_";
    if (i > 0 && name.startsWith(script)) {
      int dot = name.indexOf('.', script.length());
      return dot < 0 ? name : name.substring(0, dot);
    }
    return name.substring(0, i);
  }
}
