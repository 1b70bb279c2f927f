package clusterlab.weka;

import clusterlab.core.Partition;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.core.Option;
import weka.core.Randomizable;

/**
 * A {@link PartitioningClusterer} whose result depends on a random seed: adds Weka's {@code -S}
 * option (as {@code weka.clusterers.RandomizableClusterer} does, default 1), so that the same seed
 * gives the same model.
 *
 * @param <M> the core model
 */
public abstract class RandomizedPartitioningClusterer<M extends Partition> extends PartitioningClusterer<M>
    implements Randomizable {

  private static final long serialVersionUID = 1L;

  private int seed = 1;

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> result = new Vector<>();
    result.addElement(new Option("\tRandom number seed.\n\t(default 1)", "S", 1, "-S <num>"));
    result.addAll(Collections.list(super.listOptions()));
    return result.elements();
  }

  @Override
  public String[] getOptions() {
    Vector<String> result = new Vector<>();
    result.add("-S");
    result.add(Integer.toString(seed));
    Collections.addAll(result, super.getOptions());
    return result.toArray(new String[0]);
  }

  public String seedTipText() {
    return "The random number seed to be used.";
  }

  @Override
  public void setSeed(int value) {
    seed = value;
  }

  @Override
  public int getSeed() {
    return seed;
  }
}
