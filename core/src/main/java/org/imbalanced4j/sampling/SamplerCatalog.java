package org.imbalanced4j.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.sampling.combine.SmoteEnn;
import org.imbalanced4j.sampling.combine.SmoteTomek;
import org.imbalanced4j.sampling.over.Adasyn;
import org.imbalanced4j.sampling.over.BorderlineSmote;
import org.imbalanced4j.sampling.over.RandomOverSampler;
import org.imbalanced4j.sampling.over.Smote;
import org.imbalanced4j.sampling.over.KMeansSmote;
import org.imbalanced4j.sampling.over.SmoteN;
import org.imbalanced4j.sampling.over.SmoteNc;
import org.imbalanced4j.sampling.over.SvmSmote;
import org.imbalanced4j.sampling.under.InstanceHardnessThreshold;
import org.imbalanced4j.sampling.under.ClusterCentroids;
import org.imbalanced4j.sampling.under.CondensedNearestNeighbour;
import org.imbalanced4j.sampling.under.OneSidedSelection;
import org.imbalanced4j.sampling.under.AllKNN;
import org.imbalanced4j.sampling.under.EditedNearestNeighbours;
import org.imbalanced4j.sampling.under.KindSel;
import org.imbalanced4j.sampling.under.NearMiss;
import org.imbalanced4j.sampling.under.NeighbourhoodCleaningRule;
import org.imbalanced4j.sampling.under.RandomUnderSampler;
import org.imbalanced4j.sampling.under.RepeatedEditedNearestNeighbours;
import org.imbalanced4j.sampling.under.TomekLinks;

/**
 * Every sampler by imbalanced-learn's class name, with imbalanced-learn's parameter names, so
 * that {@code SMOTE(k_neighbors=3, random_state=42)} becomes {@code create("SMOTE",
 * {k_neighbors: 3}, 42)}. The samplers do not know this registry; the CLI and experiment grids
 * use it.
 */
public final class SamplerCatalog {
  /** A factory of samplers from text parameters and a seed. */
  @FunctionalInterface
  public interface Factory {
    /** A sampler from checked parameters. */
    Sampler create(SamplerParams p, long seed);
  }

  /** One sampler of the catalogue. */
  public record Entry(String name, SamplerKind kind, String description, List<Param> params,
      Factory factory) {
    /** The parameters' names, in catalogue order. */
    public List<String> paramNames() {
      return params.stream().map(Param::name).toList();
    }
  }

  private static final Param STRATEGY = new Param("sampling_strategy", "auto",
      "auto | minority | majority | not minority | not majority | all | ratio | class:count,... | [class,...]");

  private static final List<Entry> ENTRIES = List.of(
      new Entry("RandomOverSampler", SamplerKind.OVER,
          "Duplicate random rows of the smaller classes (smoothed bootstrap with shrinkage).",
          List.of(STRATEGY, new Param("shrinkage", "none", "Gaussian smoothing factor (ROSE)")),
          (p, seed) -> {
            RandomOverSampler.Builder b = RandomOverSampler.builder()
                .optSamplingStrategy(p.strategy()).optSeed(seed);
            if (p.has("shrinkage") && !p.text("shrinkage", "").equalsIgnoreCase("none")) {
              b.optShrinkage(p.real("shrinkage", 0));
            }
            return b.build();
          }),
      new Entry("SMOTE", SamplerKind.OVER,
          "Interpolate new rows between a row and one of its k nearest same-class neighbours.",
          List.of(STRATEGY, new Param("k_neighbors", "5", "neighbours to interpolate towards")),
          (p, seed) -> Smote.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optSeed(seed).build()),
      new Entry("SMOTENC", SamplerKind.OVER,
          "SMOTE for mixed data: numeric features interpolated, categorical ones by neighbour vote.",
          List.of(STRATEGY, new Param("k_neighbors", "5", "neighbours to interpolate towards")),
          (p, seed) -> SmoteNc.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optSeed(seed).build()),
      new Entry("SMOTEN", SamplerKind.OVER,
          "SMOTE for categorical-only data: value difference metric, neighbour mode per feature.",
          List.of(STRATEGY, new Param("k_neighbors", "5", "neighbours voting")),
          (p, seed) -> SmoteN.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optSeed(seed).build()),
      new Entry("SVMSMOTE", SamplerKind.OVER,
          "SMOTE from the support vectors of an RBF SVM (LIBSVM); extrapolates from safe ones.",
          List.of(STRATEGY, new Param("k_neighbors", "5", "neighbours to interpolate towards"),
              new Param("m_neighbors", "10", "neighbours that decide danger and noise"),
              new Param("out_step", "0.5", "step size when extrapolating")),
          (p, seed) -> SvmSmote.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optMNeighbors(p.integer("m_neighbors", 10))
              .optOutStep(p.real("out_step", 0.5)).optSeed(seed).build()),
      new Entry("KMeansSMOTE", SamplerKind.OVER,
          "k-means first, then SMOTE inside the clusters where the class is common; sparse ones get more.",
          List.of(STRATEGY, new Param("k_neighbors", "2", "neighbours to interpolate towards"),
              new Param("kmeans_estimator", "8", "number of clusters"),
              new Param("cluster_balance_threshold", "auto", "least class share of a used cluster"),
              new Param("density_exponent", "auto", "exponent of the sparsity")),
          (p, seed) -> {
            KMeansSmote.Builder b = KMeansSmote.builder().optSamplingStrategy(p.strategy())
                .optKNeighbors(p.integer("k_neighbors", 2)).optNClusters(p.integer("kmeans_estimator", 8))
                .optSeed(seed);
            if (!p.text("cluster_balance_threshold", "auto").equalsIgnoreCase("auto")) {
              b.optClusterBalanceThreshold(p.real("cluster_balance_threshold", 0));
            }
            if (!p.text("density_exponent", "auto").equalsIgnoreCase("auto")) {
              b.optDensityExponent(p.real("density_exponent", 0));
            }
            return b.build();
          }),
      new Entry("BorderlineSMOTE", SamplerKind.OVER,
          "SMOTE from the rows on the class border only (borderline-1 or borderline-2).",
          List.of(STRATEGY, new Param("k_neighbors", "5", "neighbours to interpolate towards"),
              new Param("m_neighbors", "10", "neighbours that decide whether a row is in danger"),
              new Param("kind", "borderline-1", "borderline-1 | borderline-2")),
          (p, seed) -> BorderlineSmote.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optMNeighbors(p.integer("m_neighbors", 10))
              .optKind(BorderlineSmote.Kind.parse(p.text("kind", "borderline-1"))).optSeed(seed).build()),
      new Entry("ADASYN", SamplerKind.OVER,
          "SMOTE with more new rows for rows that have many neighbours of other classes.",
          List.of(STRATEGY, new Param("n_neighbors", "5", "neighbours that measure difficulty")),
          (p, seed) -> Adasyn.builder().optSamplingStrategy(p.strategy())
              .optNNeighbors(p.integer("n_neighbors", 5)).optSeed(seed).build()),
      new Entry("RandomUnderSampler", SamplerKind.UNDER,
          "Keep a random subset of the larger classes.",
          List.of(STRATEGY, new Param("replacement", "false", "draw with replacement")),
          (p, seed) -> RandomUnderSampler.builder().optSamplingStrategy(p.strategy())
              .optReplacement(p.bool("replacement", false)).optSeed(seed).build()),
      new Entry("ClusterCentroids", SamplerKind.UNDER,
          "Replace the larger classes by k-means centres (soft) or the rows nearest them (hard).",
          List.of(STRATEGY, new Param("voting", "auto", "auto | soft | hard")),
          (p, seed) -> ClusterCentroids.builder().optSamplingStrategy(p.strategy())
              .optVoting(p.text("voting", "auto")).optSeed(seed).build()),
      new Entry("InstanceHardnessThreshold", SamplerKind.UNDER,
          "Keep the rows a cross-validated classifier (5-NN vote) finds easiest.",
          List.of(STRATEGY, new Param("cv", "5", "cross-validation folds")),
          (p, seed) -> InstanceHardnessThreshold.builder().optSamplingStrategy(p.strategy())
              .optCv(p.integer("cv", 5)).optSeed(seed).build()),
      new Entry("NearMiss", SamplerKind.UNDER,
          "Keep the rows of the larger classes that are nearest to the minority (versions 1-3).",
          List.of(STRATEGY, new Param("version", "1", "1 | 2 | 3"),
              new Param("n_neighbors", "3", "minority neighbours averaged over"),
              new Param("n_neighbors_ver3", "3", "short-list size per minority row (version 3)")),
          (p, seed) -> NearMiss.builder().optSamplingStrategy(p.strategy())
              .optVersion(p.integer("version", 1)).optNNeighbors(p.integer("n_neighbors", 3))
              .optNNeighborsVer3(p.integer("n_neighbors_ver3", 3)).build()),
      new Entry("CondensedNearestNeighbour", SamplerKind.CLEANING,
          "Keep only the rows a 1-NN classifier needs (Hart's condensed set).",
          List.of(STRATEGY, new Param("n_seeds_S", "1", "random rows to start from")),
          (p, seed) -> CondensedNearestNeighbour.builder().optSamplingStrategy(p.strategy())
              .optNSeedsS(p.integer("n_seeds_s", 1)).optSeed(seed).build()),
      new Entry("OneSidedSelection", SamplerKind.CLEANING,
          "Condense with 1-NN from random seeds, then remove Tomek links.",
          List.of(STRATEGY, new Param("n_seeds_S", "1", "random rows to start from")),
          (p, seed) -> OneSidedSelection.builder().optSamplingStrategy(p.strategy())
              .optNSeedsS(p.integer("n_seeds_s", 1)).optSeed(seed).build()),
      new Entry("TomekLinks", SamplerKind.CLEANING,
          "Remove rows that form a Tomek link (mutual nearest neighbours of different classes).",
          List.of(STRATEGY),
          (p, seed) -> TomekLinks.builder().optSamplingStrategy(p.strategy()).build()),
      new Entry("EditedNearestNeighbours", SamplerKind.CLEANING,
          "Remove rows their nearest neighbours disagree with.",
          List.of(STRATEGY, new Param("n_neighbors", "3", "neighbours consulted"),
              new Param("kind_sel", "all", "all | mode")),
          (p, seed) -> EditedNearestNeighbours.builder().optSamplingStrategy(p.strategy())
              .optNNeighbors(p.integer("n_neighbors", 3))
              .optKindSel(KindSel.parse(p.text("kind_sel", "all"))).build()),
      new Entry("RepeatedEditedNearestNeighbours", SamplerKind.CLEANING,
          "Repeat edited nearest neighbours until nothing changes.",
          List.of(STRATEGY, new Param("n_neighbors", "3", "neighbours consulted"),
              new Param("max_iter", "100", "most rounds"), new Param("kind_sel", "all", "all | mode")),
          (p, seed) -> RepeatedEditedNearestNeighbours.builder().optSamplingStrategy(p.strategy())
              .optNNeighbors(p.integer("n_neighbors", 3)).optMaxIter(p.integer("max_iter", 100))
              .optKindSel(KindSel.parse(p.text("kind_sel", "all"))).build()),
      new Entry("AllKNN", SamplerKind.CLEANING,
          "Edited nearest neighbours with 1, 2, ..., n_neighbors neighbours in turn.",
          List.of(STRATEGY, new Param("n_neighbors", "3", "largest neighbourhood"),
              new Param("kind_sel", "all", "all | mode"),
              new Param("allow_minority", "false", "go on when a class falls below the minority")),
          (p, seed) -> AllKNN.builder().optSamplingStrategy(p.strategy())
              .optNNeighbors(p.integer("n_neighbors", 3))
              .optKindSel(KindSel.parse(p.text("kind_sel", "all")))
              .optAllowMinority(p.bool("allow_minority", false)).build()),
      new Entry("NeighbourhoodCleaningRule", SamplerKind.CLEANING,
          "Edited nearest neighbours plus the neighbours that misclassify minority rows.",
          List.of(STRATEGY, new Param("n_neighbors", "3", "neighbours consulted"),
              new Param("kind_sel", "all", "all | mode"),
              new Param("threshold_cleaning", "0.5", "a class is cleaned when above this share")),
          (p, seed) -> NeighbourhoodCleaningRule.builder().optSamplingStrategy(p.strategy())
              .optNNeighbors(p.integer("n_neighbors", 3))
              .optKindSel(KindSel.parse(p.text("kind_sel", "all")))
              .optThresholdCleaning(p.real("threshold_cleaning", 0.5)).build()),
      new Entry("SMOTETomek", SamplerKind.OVER,
          "SMOTE, then remove Tomek links in every class.",
          List.of(STRATEGY, new Param("k_neighbors", "5", "SMOTE's neighbours")),
          (p, seed) -> SmoteTomek.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optSeed(seed).build()),
      new Entry("SMOTEENN", SamplerKind.OVER,
          "SMOTE, then edited nearest neighbours in every class.",
          List.of(STRATEGY, new Param("k_neighbors", "5", "SMOTE's neighbours")),
          (p, seed) -> SmoteEnn.builder().optSamplingStrategy(p.strategy())
              .optKNeighbors(p.integer("k_neighbors", 5)).optSeed(seed).build()));

  /**
   * The samplers that choose whole rows at random, whatever their feature values: the ones that
   * apply to images, whose rows are image indices.
   */
  public static final List<String> IMAGE_SAMPLERS = List.of("RandomOverSampler", "RandomUnderSampler");

  private SamplerCatalog() {}

  /** Every sampler of the catalogue, in {@code imb resample --list} order. */
  public static List<Entry> all() {
    return ENTRIES;
  }

  /** The entry of that name, case-insensitive. */
  public static Entry get(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (Entry e : ENTRIES) {
      if (e.name.toLowerCase(Locale.ROOT).equals(n)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    ENTRIES.forEach(e -> names.add(e.name));
    throw InvalidOptionException.unknown("method", name, names);
  }

  /** A sampler from imbalanced-learn's name, parameters as text, and a seed. */
  public static Sampler create(String name, Map<String, String> params, long seed) {
    Entry e = get(name);
    return e.factory.create(new SamplerParams(e.name, params, e.paramNames()), seed);
  }
}
