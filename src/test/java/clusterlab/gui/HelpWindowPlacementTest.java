package clusterlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class HelpWindowPlacementTest {

  static final Rectangle LAPTOP = new Rectangle(0, 0, 1024, 768);

  /** Weka's place: the 400 x 350 window at the option dialog's right edge. */
  static Rectangle wekasPlace(Rectangle dialog) {
    return new Rectangle(dialog.x + dialog.width, dialog.y, 400, 350);
  }

  @Test
  void aWindowAllOnScreenStaysWhereWekaPutIt() {
    Rectangle dialog = new Rectangle(100, 80, 500, 430);
    assertEquals(wekasPlace(dialog), HelpWindowPlacement.place(wekasPlace(dialog), dialog, LAPTOP));
  }

  @Test
  void theIssuesWindowOf114PxOnScreenGoesLeftOfTheDialog() {
    Rectangle dialog = new Rectangle(1024 - 114 - 500, 85, 500, 430);
    assertEquals(new Rectangle(10, 85, 400, 350), HelpWindowPlacement.place(wekasPlace(dialog), dialog, LAPTOP));
  }

  @Test
  void withNoRoomOnEitherSideItIsClampedOntoTheScreenOverTheDialog() {
    Rectangle dialog = new Rectangle(151, 85, 800, 430);
    assertEquals(new Rectangle(624, 85, 400, 350), HelpWindowPlacement.place(wekasPlace(dialog), dialog, LAPTOP));
  }

  @Test
  void aWindowTheWindowSystemLeftAtItsPackedSizeGetsWekasWidthOnScreen() {
    Rectangle dialog = new Rectangle(151, 85, 498, 429);
    assertEquals(new Rectangle(624, 85, 400, 583),
        HelpWindowPlacement.place(new Rectangle(649, 85, 114, 583), dialog, LAPTOP));
    assertEquals(new Rectangle(100, 50, 400, 350),
        HelpWindowPlacement.place(new Rectangle(100, 50, 120, 90), dialog, LAPTOP));
  }

  @Test
  void aWindowBelowTheScreenMovesUpAndOneLargerThanTheScreenShrinks() {
    Rectangle dialog = new Rectangle(100, 600, 300, 160);
    assertEquals(new Rectangle(400, 418, 400, 350), HelpWindowPlacement.place(wekasPlace(dialog), dialog, LAPTOP));
    Rectangle small = new Rectangle(0, 0, 320, 240);
    assertEquals(new Rectangle(0, 0, 320, 240),
        HelpWindowPlacement.place(new Rectangle(50, 0, 400, 350), new Rectangle(0, 0, 50, 50), small));
  }

  @Test
  void aSecondScreenToTheRightIsRespected() {
    Rectangle second = new Rectangle(1024, 0, 1366, 768);
    Rectangle dialog = new Rectangle(1024 + 1366 - 520, 50, 500, 430);
    assertEquals(new Rectangle(dialog.x - 400, 50, 400, 350),
        HelpWindowPlacement.place(wekasPlace(dialog), dialog, second));
  }
}
