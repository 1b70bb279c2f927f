package clusterlab.conformance;

import org.junit.jupiter.api.function.Executable;

/** One named conformance check of one component. */
record Check(String name, Executable body) {
}
