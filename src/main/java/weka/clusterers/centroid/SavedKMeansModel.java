package weka.clusterers.centroid;

import clusterlab.core.Dataset;
import clusterlab.core.kmeans.KMeansModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.file.Files;

/**
 * Reads a {@link KMeansModel} saved elsewhere (ClusterLab on Spark writes {@code kmeans.model}) for
 * {@link KMeans}'s {@code -model-file} option, and re-labels the given data with it: the Spark model
 * keeps no training labels (they stay with the distributed data), so the labels, sizes and inertia
 * the Weka side reports are those of the data it is given, as the clusterer contract asks.
 */
final class SavedKMeansModel {

  private SavedKMeansModel() {
  }

  static KMeansModel load(File file, Dataset data) throws IOException {
    KMeansModel saved;
    try (InputStream in = Files.newInputStream(file.toPath()); ObjectInputStream o = new ObjectInputStream(in)) {
      saved = (KMeansModel) o.readObject();
    } catch (ClassNotFoundException | ClassCastException | java.io.StreamCorruptedException e) {
      throw new IOException("-model-file " + file + " is not a saved ClusterLab k-means model (" + e.getMessage()
          + "); give the kmeans.model file a ClusterLab k-means run wrote", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("-model-file " + file + " does not exist", e);
    }
    if (saved.d() != data.d()) {
      throw new IllegalArgumentException("-model-file " + file + " has centroids of " + saved.d()
          + " columns, the data has " + data.d() + " (class removed, nominal attributes one-hot encoded when on); "
          + "give the data the model was fitted on");
    }
    int k = saved.k();
    int d = data.d();
    int[] labels = new int[data.n()];
    double[] inertia = new double[k];
    double[] weight = new double[k];
    double[] v = data.values();
    for (int i = 0; i < data.n(); i++) {
      int c = saved.predict(v, i * d);
      labels[i] = c;
      weight[c] += data.weight(i);
      inertia[c] += data.weight(i) * saved.squaredDistances(v, i * d)[c];
    }
    return KMeansModel.of(k, d, saved.centroids(), labels, inertia, weight, saved.iterations(), saved.converged(),
        saved.algorithm());
  }
}
