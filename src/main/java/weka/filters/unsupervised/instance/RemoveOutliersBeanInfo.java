package weka.filters.unsupervised.instance;

import clusterlab.gui.HelpOnScreenBeanInfo;

/** RemoveOutliers' bean info: its More and Capabilities windows open on screen (issue 13). */
public class RemoveOutliersBeanInfo extends HelpOnScreenBeanInfo {
}
