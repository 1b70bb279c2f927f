package clusterlab.gui;

import java.beans.SimpleBeanInfo;

/**
 * The {@link java.beans.BeanInfo} of a ClusterLab component that keeps its option dialog's help
 * windows on screen ({@link HelpWindowPlacement}). Weka's property sheet asks the
 * {@link java.beans.Introspector} for a component's bean info (a class named
 * {@code <component>BeanInfo} next to it) just before it builds the option dialog, which is the one
 * moment every Weka GUI (Explorer, KnowledgeFlow, Experimenter) passes through before a More
 * button can be pressed. Everything else is left to the Introspector's reflection, as without a bean
 * info: {@link SimpleBeanInfo} answers null to every question.
 */
public class HelpOnScreenBeanInfo extends SimpleBeanInfo {

  public HelpOnScreenBeanInfo() {
    HelpWindowPlacement.install();
  }
}
