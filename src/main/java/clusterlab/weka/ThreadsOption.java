package clusterlab.weka;

/**
 * The {@code -num-threads} option, spelled once. Every component with worker threads offers it
 * under this name, with this default and this tip text, so a command line saved for one component
 * reads the same for every other. It is declared (getter, setter and {@code @OptionMetadata}) by the
 * bases: {@link PartitioningClusterer} for clusterers, {@link ParallelFilter} for filters and
 * {@link ClustererTool} for the command-line tools; a component outside those hierarchies (ChooseK,
 * the Experimenter's split evaluator, the ClusterReport command) declares the property with these constants.
 *
 * <p>Annotation attributes must be compile-time constants, hence constants rather than a method.
 */
public final class ThreadsOption {

  /** The command-line name ({@code -num-threads}). */
  public static final String NAME = "num-threads";
  /** The command-line synopsis. */
  public static final String SYNOPSIS = "-num-threads <int>";
  /** The property's name in Weka's object editor. */
  public static final String DISPLAY_NAME = "numThreads";
  /** The tip text; what a thread count changes, if anything, is said in each component's description. */
  public static final String DESCRIPTION = "Worker threads; 0 or less uses all cores.";
  /** Position among the options: after a component's own ones. */
  public static final int DISPLAY_ORDER = 80;
  /** The default: all cores. */
  public static final int DEFAULT = 0;

  private ThreadsOption() {
  }
}
