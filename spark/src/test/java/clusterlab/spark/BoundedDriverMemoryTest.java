package clusterlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10,000,000 generated rows of 8 columns (610 MiB of values) through distributed k-means in a JVM
 * of -Xmx512m: the data cannot fit in that heap once, so the run proves the driver never gathers it,
 * and {@link TenMillionRows} checks the bytes each stage sends to the driver against its bound.
 */
class BoundedDriverMemoryTest {

  @Test
  void tenMillionRowsInAHeapSmallerThanTheData() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.add("-Xmx512m");
    cmd.addAll(Arrays.asList(System.getProperty("clusterlab.spark.jvmFlags").trim().split("\\s+")));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(TenMillionRows.class.getName());
    cmd.addAll(List.of("10000000", "8", "4", "3", "40"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "finished");
    String text = new String(out, StandardCharsets.UTF_8);
    System.out.println(text);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("rows 10000000 x 8") && text.contains("bounded: yes"), text);
  }
}
