package org.parley.app.desktop.view;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.app.desktop.viewmodel.VoicemailViewModel;
import org.parley.app.desktop.viewmodel.VoicemailViewModel.Entry;

/**
 * The voicemail inbox: the messages (unheard ones marked), the selected one's waveform with its
 * position, play/pause and seek, call back, delete, save as, and recording a new greeting. Enter or
 * Space on the list plays; the slider seeks with the arrow keys.
 */
public final class VoicemailPane extends VBox {

  private final VoicemailViewModel voicemail;
  private final Canvas waveform = new Canvas(300, 56);
  private boolean updatingSlider;

  public VoicemailPane(VoicemailViewModel voicemail, Texts texts) {
    this.voicemail = voicemail;
    setSpacing(8);
    setPadding(new Insets(8));

    ListView<Entry> list = new ListView<>(voicemail.entries());
    list.setId("voicemail-list");
    list.setAccessibleText(texts.text("ui.voicemail.list"));
    list.setCellFactory(view -> new EntryCell(texts));
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener((property, was, entry) -> voicemail.select(entry));
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            voicemail.togglePlay();
            e.consume();
          }
        });
    VBox.setVgrow(list, Priority.ALWAYS);

    waveform.setId("voicemail-waveform");
    waveform.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
    waveform.setAccessibleText(texts.text("ui.voicemail.waveform"));
    waveform.setOnMouseClicked(e -> voicemail.seek(e.getX() / waveform.getWidth()));
    Pane waveformBox = new Pane(waveform);
    waveformBox.setMinHeight(waveform.getHeight());
    waveform.widthProperty().bind(waveformBox.widthProperty());
    waveform.widthProperty().addListener(o -> draw());
    voicemail.peaksProperty().addListener(o -> draw());
    voicemail.positionMillisProperty().addListener(o -> draw());

    Slider position = new Slider(0, 1, 0);
    position.setId("voicemail-position");
    position.setAccessibleText(texts.text("ui.voicemail.position"));
    position.setBlockIncrement(0.05);
    position.disableProperty().bind(voicemail.durationMillisProperty().isEqualTo(0));
    voicemail.positionMillisProperty().addListener(o -> showPosition(position));
    position
        .valueProperty()
        .addListener(
            (property, was, now) -> {
              if (!updatingSlider && !position.isValueChanging()) {
                voicemail.seek(now.doubleValue());
              }
            });
    position
        .valueChangingProperty()
        .addListener(
            (property, was, changing) -> {
              if (!changing) {
                voicemail.seek(position.getValue());
              }
            });
    Label time = new Label();
    time.setId("voicemail-time");
    time.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    clock(voicemail.positionMillisProperty().get())
                        + " / "
                        + clock(voicemail.durationMillisProperty().get()),
                voicemail.positionMillisProperty(),
                voicemail.durationMillisProperty()));
    time.accessibleTextProperty().bind(time.textProperty());
    HBox.setHgrow(position, Priority.ALWAYS);

    Button play =
        Views.button("voicemail-play", texts.text("ui.voicemail.play"), voicemail::togglePlay);
    play.textProperty()
        .bind(
            Bindings.when(voicemail.playingProperty())
                .then(texts.text("ui.voicemail.pause"))
                .otherwise(texts.text("ui.voicemail.play")));
    play.accessibleTextProperty()
        .bind(
            Bindings.createStringBinding(
                () -> play.getText().replace("_", ""), play.textProperty()));
    Button callBack =
        Views.button(
            "voicemail-call-back", texts.text("ui.voicemail.callBack"), voicemail::callBack);
    Button delete =
        Views.button("voicemail-delete", texts.text("ui.voicemail.delete"), voicemail::delete);
    Button save =
        Views.button("voicemail-save", texts.text("ui.voicemail.saveAs"), () -> saveAs(texts));
    for (Button needsSelection : new Button[] {play, callBack, delete, save}) {
      needsSelection.disableProperty().bind(voicemail.selectedProperty().isNull());
    }
    Button refresh =
        Views.button("voicemail-refresh", texts.text("ui.voicemail.refresh"), voicemail::reload);
    Button greeting =
        Views.button(
            "voicemail-greeting",
            texts.text("ui.voicemail.recordGreeting"),
            voicemail::toggleGreetingRecording);
    greeting
        .textProperty()
        .bind(
            Bindings.when(voicemail.recordingProperty())
                .then(texts.text("ui.voicemail.stopGreeting"))
                .otherwise(texts.text("ui.voicemail.recordGreeting")));
    greeting
        .accessibleTextProperty()
        .bind(
            Bindings.createStringBinding(
                () -> greeting.getText().replace("_", ""), greeting.textProperty()));

    Label status = Views.boundLabel("voicemail-status", voicemail.statusProperty());
    FlowPane buttons = new FlowPane(8, 8, play, callBack, delete, save, refresh, greeting);
    getChildren().addAll(list, waveformBox, new HBox(8, position, time), buttons, status);
  }

  private void showPosition(Slider position) {
    long duration = voicemail.durationMillisProperty().get();
    updatingSlider = true;
    try {
      position.setValue(
          duration == 0 ? 0 : (double) voicemail.positionMillisProperty().get() / duration);
    } finally {
      updatingSlider = false;
    }
  }

  private void saveAs(Texts texts) {
    Entry entry = voicemail.selectedProperty().get();
    if (entry == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle(texts.text("ui.voicemail.saveAsTitle"));
    chooser.setInitialFileName("voicemail-" + entry.message().id() + ".wav");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV", "*.wav"));
    File target = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (target != null) {
      voicemail.saveAs(target.toPath());
    }
  }

  // Peaks mirrored around the middle; the played part darker, the position a line.
  private void draw() {
    GraphicsContext g = waveform.getGraphicsContext2D();
    double width = waveform.getWidth();
    double height = waveform.getHeight();
    g.clearRect(0, 0, width, height);
    double[] peaks = voicemail.peaksProperty().get();
    long duration = voicemail.durationMillisProperty().get();
    double played = duration == 0 ? 0 : width * voicemail.positionMillisProperty().get() / duration;
    for (int i = 0; i < peaks.length; i++) {
      double x = width * i / peaks.length;
      double half = Math.max(0.5, peaks[i] * height / 2);
      g.setStroke(x <= played ? Color.web("#1f6feb") : Color.web("#8c959f"));
      g.strokeLine(x, height / 2 - half, x, height / 2 + half);
    }
    g.setStroke(Color.web("#cf222e"));
    g.strokeLine(played, 0, played, height);
  }

  private static String clock(long millis) {
    long seconds = millis / 1000;
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  /** One message: the unheard marker, who, when and how long. */
  private static final class EntryCell extends ListCell<Entry> {
    private final Texts texts;

    EntryCell(Texts texts) {
      this.texts = texts;
    }

    @Override
    protected void updateItem(Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      if (empty || entry == null) {
        setGraphic(null);
        setText(null);
        setAccessibleText(null);
        return;
      }
      Label marker = new Label(entry.unheard() ? texts.text("ui.voicemail.unheardMarker") : "");
      marker.getStyleClass().add("voicemail-unheard");
      marker.setMinWidth(36);
      Label caller = new Label(entry.caller());
      if (entry.unheard()) {
        caller.getStyleClass().add("text-bold");
      }
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      setGraphic(
          new HBox(
              8,
              marker,
              new VBox(2, caller, new Label(entry.time())),
              gap,
              new Label(entry.duration())));
      setText(null);
      setAccessibleText(entry.description());
    }
  }
}
