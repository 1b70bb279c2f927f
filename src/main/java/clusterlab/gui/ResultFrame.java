package clusterlab.gui;

import clusterlab.gui.model.ClusterResult;
import java.awt.Component;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import weka.gui.Logger;

/** A window holding one {@link ResultView}, opened by the Cluster tab's launchers and tree plugin. */
final class ResultFrame {

  private ResultFrame() {
  }

  /** Opens a window on {@code result} with the chart {@code tab} in front. */
  static JFrame open(Component parent, String title, ClusterResult result, String parameters, String tab, Logger log) {
    ResultView view = new ResultView(log);
    view.show(result, parameters);
    view.selectTab(tab);
    JFrame f = new JFrame("Cluster Lab: " + title);
    f.setName("clusterLabResult");
    f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    f.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        view.dispose();
      }
    });
    f.getContentPane().add(view);
    f.pack();
    f.setLocationRelativeTo(parent);
    f.setVisible(true);
    return f;
  }
}
