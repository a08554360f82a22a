package org.imbalanced4j.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;

/**
 * Which classes a sampler resamples and to what size: imbalanced-learn's {@code
 * sampling_strategy} in all its forms, with the same meaning for each {@link SamplerKind}.
 *
 * <ul>
 *   <li>{@code auto}: over-samplers "not majority", under- and cleaning samplers "not minority";
 *   <li>{@code minority}, {@code majority}, {@code not minority}, {@code not majority}, {@code
 *       all}: over-samplers grow the chosen classes to the majority's size, under-samplers cut them
 *       to the minority's size, cleaning samplers clean them;
 *   <li>a ratio {@code r} in (0, 1] (two classes only): over-sampling grows the minority to {@code
 *       int(r * N_majority)}, under-sampling cuts the majority to {@code int(N_minority / r)};
 *   <li>counts {@code {class: n}}: the wanted size of each named class (over and under only);
 *   <li>classes {@code [a, b]}: the classes to clean (cleaning only).
 * </ul>
 *
 * <p>The majority and minority are the first largest and first smallest class in class-code
 * order, as imbalanced-learn picks them. Classes without rows (in a fold) are ignored.
 *
 * <pre>{@code
 * SamplingStrategy.parse("not minority");
 * SamplingStrategy.parse("0.5");
 * SamplingStrategy.parse("bad:1000,good:5000");
 * }</pre>
 */
public final class SamplingStrategy {
  /** The forms a strategy takes. */
  public enum Form {
    /** {@code 'auto'}: not the majority class for over-sampling, not the minority for under-sampling. */
    AUTO,
    /** {@code 'minority'}: the smallest class only. */
    MINORITY,
    /** {@code 'majority'}: the largest class only. */
    MAJORITY,
    /** {@code 'not minority'}: every class but the smallest. */
    NOT_MINORITY,
    /** {@code 'not majority'}: every class but the largest. */
    NOT_MAJORITY,
    /** {@code 'all'}: every class. */
    ALL,
    /** A float: the wanted ratio of the minority to the majority class (two classes). */
    RATIO,
    /** A dict: the wanted number of rows of each class named. */
    COUNTS,
    /** A list: the classes to clean (cleaning samplers). */
    CLASSES
  }

  private static final List<String> NAMES =
      List.of("auto", "minority", "majority", "not minority", "not majority", "all");

  private final Form form;
  private final double ratio;
  private final Map<String, Integer> counts;
  private final List<String> classes;

  private SamplingStrategy(Form form, double ratio, Map<String, Integer> counts, List<String> classes) {
    this.form = form;
    this.ratio = ratio;
    this.counts = counts;
    this.classes = classes;
  }

  /** imbalanced-learn's default, {@code 'auto'}. */
  public static SamplingStrategy auto() {
    return new SamplingStrategy(Form.AUTO, 0, Map.of(), List.of());
  }

  /** A strategy named by a string in imbalanced-learn, such as {@code 'minority'}. */
  public static SamplingStrategy of(Form namedForm) {
    if (namedForm == Form.RATIO || namedForm == Form.COUNTS || namedForm == Form.CLASSES) {
      throw new IllegalArgumentException("use ratio(), counts() or classes() for " + namedForm);
    }
    return new SamplingStrategy(namedForm, 0, Map.of(), List.of());
  }

  /** A ratio in (0, 1]; binary data only. */
  public static SamplingStrategy ratio(double r) {
    if (!(r > 0 && r <= 1)) {
      throw new InvalidOptionException("a sampling strategy ratio must be in (0, 1], got " + r);
    }
    return new SamplingStrategy(Form.RATIO, r, Map.of(), List.of());
  }

  /** The wanted number of rows of each named class. */
  public static SamplingStrategy counts(Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() < 0) {
        throw new InvalidOptionException("the number of rows of class '" + e.getKey()
            + "' cannot be negative, got " + e.getValue());
      }
    }
    return new SamplingStrategy(Form.COUNTS, 0, new LinkedHashMap<>(counts), List.of());
  }

  /** The classes a cleaning sampler may remove rows from. */
  public static SamplingStrategy classes(List<String> classes) {
    return new SamplingStrategy(Form.CLASSES, 0, Map.of(), List.copyOf(classes));
  }

  /**
   * Reads a strategy as written on the command line: a name ({@code auto}, {@code not minority},
   * {@code not_minority}, ...), a ratio ({@code 0.5}), counts ({@code a:100,b:200}) or classes
   * ({@code [a,b]}).
   */
  public static SamplingStrategy parse(String text) {
    String t = text.strip();
    String name = t.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    int named = NAMES.indexOf(name);
    if (named >= 0) {
      return of(Form.values()[named]);
    }
    if (t.startsWith("[") && t.endsWith("]")) {
      List<String> cs = new ArrayList<>();
      for (String c : t.substring(1, t.length() - 1).split(",")) {
        if (!c.isBlank()) {
          cs.add(unquote(c.strip()));
        }
      }
      return classes(cs);
    }
    if (t.contains(":")) {
      String body = t.startsWith("{") && t.endsWith("}") ? t.substring(1, t.length() - 1) : t;
      Map<String, Integer> m = new LinkedHashMap<>();
      for (String part : body.split(",")) {
        int colon = part.lastIndexOf(':');
        if (colon <= 0) {
          throw invalid(text);
        }
        try {
          m.put(unquote(part.substring(0, colon).strip()),
              Integer.parseInt(part.substring(colon + 1).strip()));
        } catch (NumberFormatException e) {
          throw invalid(text);
        }
      }
      return counts(m);
    }
    try {
      return ratio(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') ? s.substring(1, s.length() - 1) : s;
  }

  private static InvalidOptionException invalid(String text) {
    return new InvalidOptionException("unknown sampling strategy '" + text + "'; valid: "
        + String.join(", ", NAMES) + ", a ratio in (0, 1] such as 0.5, counts such as a:100,b:200,"
        + " or classes such as [a,b] (cleaning samplers)");
  }

  /** Which of imbalanced-learn's forms this strategy takes. */
  public Form form() {
    return form;
  }

  /**
   * What this strategy asks of a sampler of the given kind on data with these counts.
   *
   * @throws InvalidOptionException when the form does not fit the kind or the data
   */
  public SamplingTarget resolve(ClassCounts cc, SamplerKind kind) {
    List<Integer> present = new ArrayList<>();
    for (int k = 0; k < cc.classCount(); k++) {
      if (cc.count(k) > 0) {
        present.add(k);
      }
    }
    int maj = cc.majority();
    int min = cc.minority();
    int nMaj = (int) cc.count(maj);
    int nMin = (int) cc.count(min);
    Map<Integer, Integer> out = new LinkedHashMap<>();
    switch (form) {
      case AUTO -> {
        return (kind == SamplerKind.OVER ? of(Form.NOT_MAJORITY) : of(Form.NOT_MINORITY)).resolve(cc, kind);
      }
      case MINORITY, MAJORITY, NOT_MINORITY, NOT_MAJORITY, ALL -> {
        if (form == Form.MAJORITY && kind == SamplerKind.OVER) {
          throw new InvalidOptionException("sampling strategy 'majority' cannot be used with an "
              + "over-sampler; valid: auto, minority, not minority, not majority, all, a ratio, counts");
        }
        if (form == Form.MINORITY && kind != SamplerKind.OVER) {
          throw new InvalidOptionException("sampling strategy 'minority' cannot be used with an "
              + "under-sampler or a cleaning sampler; valid: auto, majority, not minority, "
              + "not majority, all" + (kind == SamplerKind.UNDER ? ", a ratio, counts" : ", [classes]"));
        }
        for (int k : present) {
          boolean chosen = switch (form) {
            case MINORITY -> k == min;
            case MAJORITY -> k == maj;
            case NOT_MINORITY -> k != min;
            case NOT_MAJORITY -> k != maj;
            default -> true;
          };
          if (chosen) {
            out.put(k, kind == SamplerKind.OVER ? nMaj - (int) cc.count(k) : nMin);
          }
        }
      }
      case RATIO -> {
        if (kind == SamplerKind.CLEANING) {
          throw new InvalidOptionException("a cleaning sampler does not take a ratio; give the "
              + "classes to clean, such as [a,b], or auto, majority, not minority, not majority, all");
        }
        if (present.size() != 2) {
          throw new InvalidOptionException("a ratio sampling strategy needs exactly two classes; "
              + "the data has " + present.size() + ": give counts such as a:100,b:200 instead");
        }
        for (int k : present) {
          if (kind == SamplerKind.OVER && k != maj) {
            int add = (int) (nMaj * ratio - cc.count(k));
            if (add <= 0) {
              throw new InvalidOptionException("sampling strategy " + ratio + " would remove rows of"
                  + " the minority class '" + cc.classNames().get(k) + "' (" + cc.count(k)
                  + " rows, majority " + nMaj + "); increase the ratio");
            }
            out.put(k, add);
          } else if (kind == SamplerKind.UNDER && k != min) {
            int keep = (int) (nMin / ratio);
            if (keep > cc.count(k)) {
              throw new InvalidOptionException("sampling strategy " + ratio + " would add rows to '"
                  + cc.classNames().get(k) + "' (" + cc.count(k) + " rows, wanted " + keep
                  + "); increase the ratio");
            }
            out.put(k, keep);
          }
        }
      }
      case COUNTS -> {
        if (kind == SamplerKind.CLEANING) {
          throw new InvalidOptionException("a cleaning sampler does not take counts; give the "
              + "classes to clean, such as [a,b]");
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
          int k = classCode(cc, e.getKey());
          int have = (int) cc.count(k);
          int want = e.getValue();
          if (kind == SamplerKind.OVER) {
            if (want < have) {
              throw new InvalidOptionException("an over-sampler cannot shrink class '" + e.getKey()
                  + "' from " + have + " to " + want + " rows");
            }
            out.put(k, want - have);
          } else {
            if (want > have) {
              throw new InvalidOptionException("an under-sampler cannot grow class '" + e.getKey()
                  + "' from " + have + " to " + want + " rows");
            }
            out.put(k, want);
          }
        }
      }
      case CLASSES -> {
        if (kind != SamplerKind.CLEANING) {
          throw new InvalidOptionException("a list of classes is for cleaning samplers; give counts"
              + " such as a:100,b:200, a ratio, or auto, minority, majority, not minority, not majority, all");
        }
        for (String c : classes) {
          out.put(classCode(cc, c), nMin);
        }
      }
      default -> throw new IllegalStateException(form.toString());
    }
    return new SamplingTarget(out);
  }

  private static int classCode(ClassCounts cc, String name) {
    int k = cc.classNames().indexOf(name);
    if (k < 0 || cc.count(k) == 0) {
      List<String> present = new ArrayList<>();
      for (int j = 0; j < cc.classCount(); j++) {
        if (cc.count(j) > 0) {
          present.add(cc.classNames().get(j));
        }
      }
      throw InvalidOptionException.unknown("class", name, present);
    }
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SamplingStrategy s && form == s.form && ratio == s.ratio
        && counts.equals(s.counts) && classes.equals(s.classes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(form, ratio, counts, classes);
  }

  @Override
  public String toString() {
    return switch (form) {
      case RATIO -> Double.toString(ratio);
      case COUNTS -> counts.toString();
      case CLASSES -> classes.toString();
      default -> NAMES.get(form.ordinal());
    };
  }
}
