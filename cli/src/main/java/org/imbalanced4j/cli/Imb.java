package org.imbalanced4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.cli.commands.CompareCommand;
import org.imbalanced4j.cli.commands.DetectCommand;
import org.imbalanced4j.cli.commands.EvaluateCommand;
import org.imbalanced4j.cli.commands.InspectCommand;
import org.imbalanced4j.cli.commands.PredictCommand;
import org.imbalanced4j.cli.commands.ResampleCommand;
import org.imbalanced4j.cli.commands.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * {@code imb}: learning from imbalanced data from the command line. One class per subcommand;
 * this class wires them and turns every failure into one line on stderr and an exit code: 2 for a
 * wrong command line, 1 for data that cannot be used; a stack trace only with {@code --debug}.
 */
@Command(
    name = "imb",
    mixinStandardHelpOptions = true,
    versionProvider = Imb.Version.class,
    description = "Learning from imbalanced data: inspect, resample, train, predict, evaluate, compare, detect.")
public final class Imb implements Runnable {
  /** The commands, in the order {@code imb --help} lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("inspect", InspectCommand::new);
    COMMANDS.put("resample", ResampleCommand::new);
    COMMANDS.put("train", TrainCommand::new);
    COMMANDS.put("predict", PredictCommand::new);
    COMMANDS.put("evaluate", EvaluateCommand::new);
    COMMANDS.put("compare", CompareCommand::new);
    COMMANDS.put("detect", DetectCommand::new);
  }

  /** Exit code of a data error. */
  public static final int EXIT_DATA = 1;
  /** Exit code of a usage error. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean debug;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, stdout(), new PrintWriter(System.err, true)));
  }

  private static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
  }

  /** Runs {@code imb args} writing to the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean version = args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"));
    CommandLine cl = commandLine(version ? "" : args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null);
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) { // an Error: picocli hands only exceptions to the handler
      return report(e, err, java.util.Arrays.asList(args).contains("--debug"));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command tree with imb's error handling. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command tree with only the command {@code only} when one is named ({@code ""}: none), else with every
   * command: picocli reads the annotations of every command it is given, which took a third of a
   * second at each start when all seven were built to run one.
   */
  static CommandLine commandLine(String only) {
    CommandLine cl = new CommandLine(new Imb());
    COMMANDS.forEach((name, make) -> {
      if (only == null || only.equals(name)) {
        cl.addSubcommand(name, make.get());
      }
    });
    cl.addSubcommand("help", new CommandLine.HelpCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpWidth(100); // the descriptions are written in lines of up to 100 characters
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("imb: " + org.imbalanced4j.Messages.oneLine(usageMessage(ex)) + " (see '"
          + c.getCommandSpec().qualifiedName() + " --help')");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      boolean debug = parseResult.hasMatchedOption("--debug")
          || parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug");
      return report(ex, c.getErr(), debug);
    });
    return cl;
  }

  /** An unknown subcommand is named as one; other messages are picocli's. */
  private static String usageMessage(ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    if (ex instanceof CommandLine.UnmatchedArgumentException u
        && !c.getSubcommands().isEmpty()
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + u.getUnmatched().get(0) + "'; commands: "
          + String.join(", ", c.getSubcommands().keySet());
    }
    return ex.getMessage();
  }

  /** One line for the user; the exit code of the kind of failure. */
  static int report(Throwable ex, PrintWriter err, boolean debug) {
    if (debug) {
      ex.printStackTrace(err);
    }
    if (ex instanceof InvalidOptionException) {
      err.println("imb: " + ex.getMessage());
      return EXIT_USAGE;
    }
    if (ex instanceof DataException) {
      err.println("imb: " + ex.getMessage());
      return EXIT_DATA;
    }
    if (ex instanceof OutOfMemoryError) {
      err.println("imb: out of memory; give the JVM more with IMB_JAVA_OPTS=-Xmx8g");
      return EXIT_DATA;
    }
    err.println("imb: internal error: " + org.imbalanced4j.Messages.oneLine(String.valueOf(ex))
        + (debug ? "" : " (run with --debug for details)"));
    return EXIT_DATA;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Imb.class.getPackage().getImplementationVersion();
      return new String[] {"imb " + (v == null ? "development build" : v)};
    }
  }
}
