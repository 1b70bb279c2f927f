package clusterlab.gui;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowEvent;
import weka.gui.PropertySheetPanel;

/**
 * Keeps the help windows of Weka's option dialogs on the screen. Weka 3.8's
 * {@code PropertySheetPanel.openHelpFrame} (the <em>More</em> button) and its <em>Capabilities</em>
 * button open a 400 x 350 window at the option dialog's right edge without looking at the screen, so
 * on a laptop screen most of it falls off the right edge (issue 13: RemoveOutliers' More window
 * showed 114 px). When such a window opens partly off screen it is moved: beside the dialog on the
 * right as Weka meant if it fits there, else beside it on the left, else as far on screen as it goes.
 * A window smaller than Weka's 400 x 350 gets that size: on an X server without a window manager the
 * native window can report its packed size (seen: 114 x 583) after Weka's {@code setSize}, so the size
 * is checked again whenever the window system moves or resizes the window in its first
 * {@link #SETTLE_MILLIS} ms.
 *
 * <p>Installed once per JVM, from the code a Weka GUI runs before an option dialog can open:
 * the Explorer's Cluster Lab tab and the {@link java.beans.BeanInfo} that Weka's property sheet
 * looks up for a component ({@link HelpOnScreenBeanInfo}).
 */
public final class HelpWindowPlacement {

  /** The title {@code PropertySheetPanel.openHelpFrame} gives the More window. */
  static final String MORE_TITLE = "Information";

  /** The size {@code PropertySheetPanel} gives its help windows. */
  static final Dimension WEKA_SIZE = new Dimension(400, 350);

  /** How long after opening a late move or resize by the window system is corrected. */
  static final long SETTLE_MILLIS = 2000;

  private static boolean installed;

  private HelpWindowPlacement() {
  }

  /** Starts watching for help windows (idempotent; nothing to do without a display). */
  public static synchronized void install() {
    if (installed || GraphicsEnvironment.isHeadless()) {
      return;
    }
    AWTEventListener onOpen = e -> {
      if (e.getID() == WindowEvent.WINDOW_OPENED && isOptionHelp(((WindowEvent) e).getWindow())) {
        keepOnScreen(((WindowEvent) e).getWindow());
      }
    };
    Toolkit.getDefaultToolkit().addAWTEventListener(onOpen, AWTEvent.WINDOW_EVENT_MASK);
    installed = true;
  }

  /** Whether {@code w} is a More or Capabilities window of an option dialog (a PropertySheetPanel's). */
  static boolean isOptionHelp(Window w) {
    boolean helpLike = w instanceof Dialog && (MORE_TITLE.equals(((Dialog) w).getTitle())
        || w.getClass().getName().equals(PropertySheetPanel.class.getName() + "$CapabilitiesHelpDialog"));
    return helpLike && w.getOwner() != null && containsPropertySheet(w.getOwner());
  }

  private static boolean containsPropertySheet(Component c) {
    if (c instanceof PropertySheetPanel) {
      return true;
    }
    if (c instanceof Container) {
      for (Component child : ((Container) c).getComponents()) {
        if (containsPropertySheet(child)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Moves {@code help} (and resizes it to Weka's size, or shrinks it if the screen is smaller) so that
   * all of it is on its owner's screen, now and after any late move or resize in its first moments.
   */
  static void keepOnScreen(Window help) {
    moveOnScreen(help);
    long until = System.currentTimeMillis() + SETTLE_MILLIS;
    help.addComponentListener(new ComponentAdapter() {
      @Override
      public void componentResized(ComponentEvent e) {
        settle();
      }

      @Override
      public void componentMoved(ComponentEvent e) {
        settle();
      }

      private void settle() {
        if (System.currentTimeMillis() > until) {
          help.removeComponentListener(this);
        } else {
          moveOnScreen(help);
        }
      }
    });
  }

  private static void moveOnScreen(Window help) {
    Window owner = help.getOwner();
    Rectangle now = help.getBounds();
    Rectangle to = place(now, owner.getBounds(), usableScreen(owner.getGraphicsConfiguration()));
    if (!to.equals(now)) {
      help.setBounds(to);
    }
  }

  /** The part of a screen that windows may use (without task bars). */
  static Rectangle usableScreen(GraphicsConfiguration gc) {
    Rectangle b = gc.getBounds();
    Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
    return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right, b.height - in.top - in.bottom);
  }

  /**
   * Where a help window of {@code window}'s size, at least {@link #WEKA_SIZE}, goes beside the dialog
   * {@code owner} on {@code screen}: unchanged if it is all on screen; else right of the dialog, else left of it, else clamped into the
   * screen (over the dialog). The top follows {@code window}'s, moved up or down as far as needed.
   */
  static Rectangle place(Rectangle window, Rectangle owner, Rectangle screen) {
    Rectangle wanted = new Rectangle(window.x, window.y, Math.max(window.width, WEKA_SIZE.width),
        Math.max(window.height, WEKA_SIZE.height));
    if (screen.contains(wanted)) {
      return wanted;
    }
    int w = Math.min(wanted.width, screen.width);
    int h = Math.min(wanted.height, screen.height);
    int y = clamp(window.y, screen.y, screen.y + screen.height - h);
    int right = owner.x + owner.width;
    int x;
    if (right >= screen.x && right + w <= screen.x + screen.width) {
      x = right;
    } else if (owner.x - w >= screen.x && owner.x <= screen.x + screen.width) {
      x = owner.x - w;
    } else {
      x = clamp(window.x, screen.x, screen.x + screen.width - w);
    }
    return new Rectangle(x, y, w, h);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(v, hi));
  }
}
