package clusterlab.weka;

import java.awt.BorderLayout;
import weka.gui.knowledgeflow.GOEStepEditorDialog;
import weka.knowledgeflow.steps.Step;

/**
 * The KnowledgeFlow configuration dialog for ClusterLab's steps: Weka's generic one
 * ({@link GOEStepEditorDialog}) with the option sheet in the centre, so that it grows with the
 * dialog. Weka's puts the sheet at the top of an outer scroll pane, where it keeps its first
 * height (two rows of options) however large the user makes the window.
 *
 * <p>A step uses it by returning this class name from {@code getCustomEditorForStep()}.
 */
public class ResizableStepEditor extends GOEStepEditorDialog {

  private static final long serialVersionUID = 1L;

  @Override
  protected void setStepToEdit(Step step) {
    copyOriginal(step);
    addPrimaryEditorPanel(BorderLayout.CENTER);
    if (m_editor.getParent() == m_primaryEditorHolder) {
      m_primaryEditorHolder.remove(m_editor);
      m_primaryEditorHolder.add(m_editor, BorderLayout.CENTER);
    }
    addSecondaryEditorPanel(BorderLayout.SOUTH);
    add(m_editorHolder, BorderLayout.CENTER);
    if (step.getDefaultSettings() != null) {
      addSettingsButton();
    }
    layoutEditor();
  }
}
