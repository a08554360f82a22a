package org.imbalanced4j.djl.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.imbalanced4j.DataException;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.nn.NetworkSpec;

/**
 * Checks a saved {@code params.bin} against the network its {@code model.json} describes before
 * DJL reads it. DJL's reader trusts the sizes a file declares (an array's byte length is allocated
 * before it is read, a shape's rank before its dimensions), so a damaged file could ask for
 * gigabytes. A network of our own making has one layout: the bytes DJL writes for the block built
 * from the spec, where only the parameter values and the batch dimension of the input shapes a
 * block records can differ. Those positions are found from the block itself (each parameter's
 * encoded array, and the bytes that change between batch sizes 1 and 2); every other byte of the
 * file must be the block's own. A TorchScript backbone's parameters are a TorchScript archive
 * whose layout is PyTorch's: it is read by a trial load, whose errors are the engine's.
 */
final class ParameterLayout {
  private ParameterLayout() {}

  /**
   * Fails with a one-line {@link DataException} unless {@code params} loads into the network.
   *
   * @param example one input's shape (no batch dimension)
   */
  static void check(NetworkSpec spec, Shape example, int classes, byte[] params) {
    synchronized (TrainingLoop.COLLECTOR) {
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        if (!spec.type().equals(NetworkSpec.TORCHSCRIPT)) {
          Block one = block(spec, example, classes, 1, manager);
          byte[] a = encode(one);
          boolean[] free = parameterValues(one, a);
          byte[] b = encode(block(spec, example, classes, 2, manager));
          if (params.length != a.length || b.length != a.length) {
            throw new DataException("params.bin has " + params.length + " bytes where the network in model.json"
                + " has " + a.length + ": it holds another network's parameters or is damaged");
          }
          for (int i = 0; i < a.length; i++) {
            if (!free[i] && a[i] != b[i]) { // the low byte of a batch dimension: free its long
              Arrays.fill(free, Math.max(0, i - 7), i + 1, true);
            }
          }
          for (int i = 0; i < a.length; i++) {
            if (!free[i] && params[i] != a[i]) {
              throw new DataException("params.bin does not hold the parameters of the network in model.json"
                  + " (byte " + i + " differs from the network's layout): it is damaged");
            }
          }
        }
        Block trial = block(spec, example, classes, 1, manager);
        trial.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(params)));
      } catch (IOException | MalformedModelException | RuntimeException e) {
        if (e instanceof DataException d) {
          throw d;
        }
        throw new DataException("params.bin cannot be loaded into the network in model.json (" + e.getMessage() + ")",
            e);
      }
    }
  }

  private static Block block(NetworkSpec spec, Shape example, int classes, long batch, NDManager manager) {
    Block block = spec.build((int) example.get(0), classes);
    block.initialize(manager, DataType.FLOAT32, new Shape(batch).addAll(example));
    return block;
  }

  private static byte[] encode(Block block) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      block.saveParameters(new DataOutputStream(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The positions of {@code encoded} that hold parameter values, found in the order DJL writes them. */
  private static boolean[] parameterValues(Block block, byte[] encoded) {
    boolean[] free = new boolean[encoded.length];
    int at = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray array = p.getValue().getArray();
      byte[] own = array.encode();
      int i = indexOf(encoded, own, at);
      if (i < 0) {
        throw new IllegalStateException("parameter " + p.getKey() + " is not where DJL writes it");
      }
      int values = Math.toIntExact(array.size() * array.getDataType().getNumOfBytes());
      Arrays.fill(free, i + own.length - values, i + own.length, true);
      at = i + own.length;
    }
    return free;
  }

  /** The first position from {@code from} where {@code part} occurs in {@code in}; -1 if none. */
  static int indexOf(byte[] in, byte[] part, int from) {
    outer:
    for (int i = from; i + part.length <= in.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (in[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
