package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.djl.engine.PyTorchEngine;

/**
 * A trained network as the start of another training: its parameters, with a new classifier head
 * (the last linear layer, freshly initialised) when the classes differ, and which of them stay
 * frozen ({@code all} but the head, {@code none}, or the first N top-level layers).
 *
 * @param pretrained the network's training result
 * @param classes its classes, by name
 * @param freeze {@code all}, {@code none} or a count of top-level layers
 */
public record Transfer(TrainingLoop.Result pretrained, List<String> classes, String freeze) {
  /** The parameters to start from for {@code newClasses}: the head kept when the classes are the same. */
  byte[] start(List<String> newClasses, long seed) {
    if (newClasses.equals(classes)) {
      return pretrained.parameters();
    }
    synchronized (TrainingLoop.COLLECTOR) {
      Decoupling.Head head = Decoupling.Head.of(pretrained);
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        Block old = Decoupling.Head.load(pretrained, manager);
        Map<String, NDArray> was = new HashMap<>();
        old.getParameters().forEach(p -> was.put(p.getKey(), p.getValue().getArray()));
        PyTorchEngine.get().setRandomSeed((int) seed);
        Block fresh = pretrained.network().build((int) pretrained.example().get(0), newClasses.size());
        fresh.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(pretrained.example()));
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
          fresh.saveParameters(out);
        }
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** The parameters that stay as they are, by name. */
  Predicate<String> frozen() {
    String head;
    TreeSet<Integer> top = new TreeSet<>();
    synchronized (TrainingLoop.COLLECTOR) {
      Decoupling.Head h = Decoupling.Head.of(pretrained);
      head = h.weightName().substring(0, h.weightName().length() - "weight".length());
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        Decoupling.Head.load(pretrained, manager).getParameters().forEach(p -> {
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
    java.util.Set<Integer> frozen = new java.util.HashSet<>(top.stream().limit(n).toList());
    return name -> !name.startsWith(head) && frozen.contains(layer(name));
  }

  /** The top-level layer of a parameter: the leading number of its name ({@code 03Conv2d_weight}: 3). */
  private static int layer(String name) {
    int i = 0;
    while (i < name.length() && Character.isDigit(name.charAt(i))) {
      i++;
    }
    return i == 0 ? -1 : Integer.parseInt(name.substring(0, i));
  }
}
