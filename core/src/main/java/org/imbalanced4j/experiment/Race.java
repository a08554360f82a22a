package org.imbalanced4j.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.experiment.CrossValidator;
import org.imbalanced4j.experiment.FoldResult;
import org.imbalanced4j.experiment.Halving;
import org.imbalanced4j.experiment.Racing;
import org.imbalanced4j.experiment.ResultStore;
import org.imbalanced4j.experiment.SharedFits;
import org.imbalanced4j.split.Split;

/**
 * The race of {@code imb compare}: rounds of successive halving over training rows ({@link
 * Halving}; one round on tables whose folds are small), in each round every surviving strategy on
 * every split, Friedman racing after the third split of a round ({@link Racing}), the best third
 * going on to the next round. Fits are shared by a strategy's argmax and tuned-threshold variants
 * ({@link SharedFits}), stored as they finish ({@link ResultStore}: a rerun reuses them), and run
 * {@code jobs} at a time. A {@link CompareListener} hears the fits done and the time left,
 * estimated from the fits so far (a strategy's next round costs its last round's time per fit
 * times the growth of the rows).
 */
public final class Race {
  private final Dataset d;
  private final List<Candidate> grid;
  private final List<Split> splits;
  private final CrossValidator cv;
  private final Halving plan;
  private final boolean race;
  private final String primary;
  private final double sign;
  private final long seed;
  private final int jobs;
  private final CompareListener listener;

  /** What each strategy's last round gave: its results, the round and the split it stopped at. */
  private final List<List<FoldResult>> results = new ArrayList<>();
  /** The first round's metrics of every strategy (one round's rows for all: ranks and the CD diagram). */
  private final List<List<FoldResult>> first = new ArrayList<>();
  private final int[] lastRound;
  private final int[] droppedAfterSplit;
  /** Seconds of each strategy's latest fit and the round it was in, for the time left. */
  private final double[] secondsPerFit;
  private final int[] secondsRound;
  /** This round's fits so far and the sum of their scores, per strategy. */
  private final int[] fitsInRound;
  private final double[] scoreSum;
  final AtomicInteger computed = new AtomicInteger();
  final AtomicInteger reused = new AtomicInteger();
  private long started;

  Race(Dataset d, List<Candidate> grid, List<Split> splits, CrossValidator cv, boolean race, String primary,
      double sign, long seed, int jobs, CompareListener listener) {
    this.d = d;
    this.grid = grid;
    this.splits = splits;
    this.cv = cv;
    this.race = race;
    this.primary = primary;
    this.sign = sign;
    this.seed = seed;
    this.jobs = Math.max(1, jobs);
    this.listener = listener;
    long[] counts = d.classCounts().counts();
    long rarest = Arrays.stream(counts).filter(c -> c > 0).min().orElse(1);
    int trainRows = splits.stream().mapToInt(s -> s.train().length).min().orElse(0);
    this.plan = race ? Halving.plan(trainRows, (double) rarest / d.rows(), grid.size())
        : new Halving(List.of(trainRows), List.of(grid.size()));
    this.lastRound = new int[grid.size()];
    this.droppedAfterSplit = new int[grid.size()];
    this.secondsPerFit = new double[grid.size()];
    Arrays.fill(secondsPerFit, Double.NaN);
    this.secondsRound = new int[grid.size()];
    this.fitsInRound = new int[grid.size()];
    this.scoreSum = new double[grid.size()];
    for (int c = 0; c < grid.size(); c++) {
      results.add(new ArrayList<>());
      first.add(new ArrayList<>());
    }
  }

  Halving plan() {
    return plan;
  }

  /**
   * Runs the race; a strategy that fails with a data error on some split's rows is put in {@code
   * notApplicable} with the reason and races no further.
   */
  void run(ResultStore store, Map<String, String> notApplicable) throws Exception {
    started = System.nanoTime();
    if (plan.rounds() > 1) {
      say("large folds: successive halving in " + plan.rounds() + " rounds of " + join(plan.rows())
          + " training rows per fold, with " + join(plan.keep()) + " strategies (--no-race: all on every row)");
    }
    List<Integer> alive = new ArrayList<>();
    for (int c = 0; c < grid.size(); c++) {
      alive.add(c);
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      for (int r = 0; r < plan.rounds() && !alive.isEmpty(); r++) {
        alive = round(r, alive, store, notApplicable, pool);
        if (r + 1 < plan.rounds()) {
          alive = halve(r, alive);
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    } finally {
      pool.shutdownNow();
    }
    if (alive.isEmpty()) {
      throw new DataException("no strategy of the grid can run on this data: "
          + notApplicable.values().iterator().next());
    }
  }

  /** One round: every strategy of {@code alive} on every split, racing after the third. */
  private List<Integer> round(int r, List<Integer> alive, ResultStore store, Map<String, String> notApplicable,
      ExecutorService pool) throws Exception {
    boolean last = r + 1 == plan.rounds();
    for (int c : alive) {
      results.set(c, new ArrayList<>());
      lastRound[c] = r;
    }
    synchronized (this) {
      Arrays.fill(fitsInRound, 0);
      Arrays.fill(scoreSum, 0);
    }
    String where = plan.rounds() == 1 ? "" : String.format(Locale.ROOT, "round %d/%d (%,d rows)  ", r + 1,
        plan.rounds(), plan.rows().get(r));
    // the next split is queued before this one is collected, so that cores a split's last fits leave
    // idle take the next one's (deterministic: what runs depends on racing up to the split before)
    List<Future<Map<Integer, Object>>> pending = submit(r, 0, alive, store, pool);
    for (int si = 0; si < splits.size(); si++) {
      List<Future<Map<Integer, Object>>> running = pending;
      pending = si + 1 < splits.size() ? submit(r, si + 1, alive, store, pool) : List.of();
      Map<Integer, Object> got = new java.util.HashMap<>();
      for (Future<Map<Integer, Object>> g : running) {
        got.putAll(g.get());
      }
      List<Integer> failed = new ArrayList<>();
      for (int c : alive) {
        if (got.get(c) instanceof FoldResult f) {
          results.get(c).add(f);
          if (r == 0) {
            first.get(c).add(new FoldResult(f.candidate(), f.repeat(), f.fold(), f.metrics(), f.seconds(),
                new float[0], new int[0], f.warnings()));
          }
        } else {
          // this strategy cannot run on this split's rows; the others race on
          String why = "failed in fold " + (si + 1) + (plan.rounds() == 1 ? "" : " of round " + (r + 1)) + ": "
              + ((DataException) got.get(c)).getMessage();
          notApplicable.put(grid.get(c).name(), why);
          say("not applicable: " + grid.get(c).name() + ": " + why);
          failed.add(c);
        }
      }
      if (!failed.isEmpty()) {
        alive = new ArrayList<>(alive);
        alive.removeAll(failed);
        if (alive.isEmpty()) {
          for (Future<?> f : pending) {
            f.cancel(true);
          }
          return alive;
        }
      }
      String note = "";
      if (race && si + 1 >= 3 && alive.size() > 1) {
        double[][] scores = new double[si + 1][alive.size()];
        for (int f = 0; f <= si; f++) {
          for (int i = 0; i < alive.size(); i++) {
            scores[f][i] = sign * results.get(alive.get(i)).get(f).metrics().get(primary);
          }
        }
        List<Integer> next = new ArrayList<>();
        for (int i : Racing.survivors(scores, 0.05)) {
          next.add(alive.get(i));
        }
        for (int c : alive) {
          if (!next.contains(c)) {
            droppedAfterSplit[c] = si + 1;
          }
        }
        note = String.format(Locale.ROOT, "; Friedman p=%.2g, %d dropped", Racing.friedmanP(scores),
            alive.size() - next.size());
        alive = next;
      }
      say(String.format(Locale.ROOT, "  %sfold %d/%d done: %d strategies%s", where, si + 1, splits.size(),
          alive.size(), note));
    }
    return alive;
  }

  /**
   * Queues split {@code si} of round {@code r} for the strategies {@code alive}: one task per fit
   * ({@link Candidate#fit()}), which runs or reuses its variants in turn, the first fitting the
   * model the others share. Each task maps a strategy to its {@link FoldResult}, or to the {@link
   * DataException} that its rows raised.
   */
  private List<Future<Map<Integer, Object>>> submit(int r, int si, List<Integer> alive, ResultStore store,
      ExecutorService pool) {
    boolean last = r + 1 == plan.rounds();
    Split sp = plan.round(splits.get(si), r, d.labels(), seed);
    SharedFits shared = new SharedFits(); // this split's fits, freed with its tasks
    List<Integer> now = List.copyOf(alive);
    Map<String, List<Integer>> byFit = new java.util.LinkedHashMap<>();
    for (int c : alive) {
      byFit.computeIfAbsent(grid.get(c).fit(), k -> new ArrayList<>()).add(c);
    }
    List<Future<Map<Integer, Object>>> out = new ArrayList<>();
    for (List<Integer> group : byFit.values()) {
      out.add(pool.submit(() -> {
        Map<Integer, Object> done = new java.util.HashMap<>();
        for (int c : group) {
          Candidate cand = grid.get(c);
          String key = last ? cand.name() : cand.name() + " @ " + sp.train().length + " rows";
          // a stored fold that does not fit this fold's rows (a damaged store) is computed again
          Optional<FoldResult> stored = store.get(key, sp.repeat(), sp.fold())
              .filter(f -> f.predicted().length == sp.test().length
                  && f.proba().length == (long) sp.test().length * d.classCount()
                  && f.metrics().containsKey(primary));
          FoldResult f;
          if (stored.isPresent()) {
            f = renamed(stored.get(), cand.name());
            reused.incrementAndGet();
          } else {
            try {
              f = cv.runFold(d, cand, sp, shared);
            } catch (DataException e) {
              done.put(c, e);
              continue;
            }
            store.put(renamed(f, key));
            computed.incrementAndGet();
          }
          done.put(c, f);
          record(c, r, f);
          tick(now, r);
        }
        return done;
      }));
    }
    return out;
  }

  /** The best {@code plan.keep(r + 1)} of the round's survivors by their mean score go on. */
  private List<Integer> halve(int r, List<Integer> alive) {
    List<Integer> order = new ArrayList<>(alive);
    order.sort((a, b) -> Double.compare(sign * mean(b), sign * mean(a)));
    List<Integer> next = new ArrayList<>(order.subList(0, Math.min(order.size(), plan.keep().get(r + 1))));
    say(String.format(Locale.ROOT, "  round %d/%d: the best %d of %d strategies go on to %,d rows", r + 1,
        plan.rounds(), next.size(), alive.size(), plan.rows().get(r + 1)));
    Collections.sort(next);
    return next;
  }

  private double mean(int c) {
    return results.get(c).stream().mapToDouble(f -> f.metrics().get(primary)).average().orElse(Double.NaN);
  }

  /** Each strategy's results of its last round, in grid order. */
  List<List<FoldResult>> results() {
    return results;
  }

  /** Each strategy's first-round results (metrics only), in grid order. */
  List<List<FoldResult>> firstRound() {
    return first;
  }

  /** The round (from 0) each strategy ended in. */
  int lastRound(int c) {
    return lastRound[c];
  }

  /** The split after which racing dropped the strategy within its last round, or 0. */
  int droppedAfterSplit(int c) {
    return droppedAfterSplit[c];
  }

  /** Fits the full plan would run without racing within rounds. */
  int planned() {
    return plan.keep().stream().mapToInt(Integer::intValue).sum() * splits.size();
  }

  private static FoldResult renamed(FoldResult f, String name) {
    return new FoldResult(name, f.repeat(), f.fold(), f.metrics(), f.seconds(), f.proba(), f.predicted(),
        f.warnings());
  }

  private static String join(List<Integer> v) {
    return String.join(" / ", v.stream().map(x -> String.format(Locale.ROOT, "%,d", x)).toList());
  }

  /** A line for the listener. */
  private synchronized void say(String line) {
    listener.message(line);
  }

  /** Training rows of the fits run or reused, summed. */
  private double rowsTrained;

  synchronized double rowsTrained() {
    return rowsTrained;
  }

  private synchronized void record(int c, int r, FoldResult f) {
    rowsTrained += plan.rows().get(r);
    secondsPerFit[c] = f.seconds();
    secondsRound[c] = r;
    fitsInRound[c]++;
    scoreSum[c] += f.metrics().getOrDefault(primary, Double.NaN);
  }

  /**
   * Tells the listener the fits done of those planned, elapsed time and the time left, estimated as the fits still to run (this round's for the strategies racing now,
   * then each later round's kept strategies, taken to be the best-scoring ones so far) times
   * their seconds per fit (a strategy's last fit scaled by the rows of the round; the mean of all
   * fits so far for one that has not run yet), over the jobs in parallel.
   */
  private synchronized void tick(List<Integer> now, int r) {
    double left = 0;
    for (int c : now) {
      left += estimate(c, r) * Math.max(0, splits.size() - fitsInRound[c]);
    }
    List<Integer> best = new ArrayList<>(now);
    best.sort((a, b) -> Double.compare(sign * scoreSum[b] / Math.max(1, fitsInRound[b]),
        sign * scoreSum[a] / Math.max(1, fitsInRound[a])));
    for (int q = r + 1; q < plan.rounds(); q++) {
      for (int i = 0; i < Math.min(plan.keep().get(q), best.size()); i++) {
        left += estimate(best.get(i), q) * splits.size();
      }
    }
    left /= Math.min(jobs, Math.max(1, now.size()));
    int done = computed.get() + reused.get();
    listener.progress(done, Math.max(done, planned()), (System.nanoTime() - started) / 1e9, left);
  }

  /** Seconds a fit of strategy {@code c} should take in round {@code q}; NaN before any fit. */
  private double estimate(int c, int q) {
    if (!Double.isNaN(secondsPerFit[c])) {
      return secondsPerFit[c] * plan.rows().get(q) / plan.rows().get(secondsRound[c]);
    }
    double sum = 0;
    int n = 0;
    for (int o = 0; o < grid.size(); o++) {
      if (!Double.isNaN(secondsPerFit[o])) {
        sum += secondsPerFit[o] * plan.rows().get(q) / plan.rows().get(secondsRound[o]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Seconds as {@code 1h02m}, {@code 3m07s} or {@code 42s}. */
  public static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
