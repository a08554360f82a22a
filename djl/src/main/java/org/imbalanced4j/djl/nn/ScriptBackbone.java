package org.imbalanced4j.djl.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A TorchScript module whose head was cut ({@link TorchScriptCut}) as a block: images in,
 * {@code (n, features)} out, trained through DJL's PyTorch engine like any other block. Its
 * parameters are the module's own tensors, named as PyTorch names them ({@code layer1.0.conv1.weight});
 * those of the cut head are left out (nothing reaches them). It saves and loads as the module
 * itself, so a model directory holds the fine-tuned backbone whole.
 */
public final class ScriptBackbone extends AbstractBlock {
  private static final byte VERSION = 1;
  private final int features;
  private final String cut;
  private PtSymbolBlock module;

  /**
   * @param features the width of the features the module returns
   * @param cut the cut head, whose parameters are left out
   */
  public ScriptBackbone(int features, String cut) {
    super(VERSION);
    this.features = features;
    this.cut = cut;
  }

  /** Loads the module from a TorchScript archive, in training mode as DJL assumes a new module is. */
  public void load(NDManager manager, byte[] archive) {
    try {
      module = JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive), true, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JniUtils.enableTrainingMode(module);
  }

  /** The module as a TorchScript archive. */
  public byte[] archive() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JniUtils.writeModule(module(), out, false);
    return out.toByteArray();
  }

  private PtSymbolBlock module() {
    if (module == null) {
      throw new IllegalStateException("the TorchScript backbone has not been loaded");
    }
    return module;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return module().forward(ps, inputs, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), features)};
  }

  @Override
  public ParameterList getDirectParameters() {
    ParameterList out = new ParameterList();
    if (module != null) {
      for (Pair<String, Parameter> p : module.getDirectParameters()) {
        if (!p.getKey().startsWith(cut + ".")) {
          out.add(p);
        }
      }
    }
    return out;
  }

  @Override
  public void saveParameters(DataOutputStream os) throws IOException {
    os.writeByte(VERSION);
    module().saveParameters(os);
  }

  @Override
  public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
    byte v = is.readByte();
    if (v != VERSION) {
      throw new MalformedModelException("TorchScript backbone of unknown version " + v);
    }
    module = new PtSymbolBlock((PtNDManager) manager);
    module.loadParameters(manager, is);
    JniUtils.enableTrainingMode(module);
  }
}
