package org.parley.app.desktop.viewmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link ComposingNotifier.Timer} whose tasks run only when the test says so. */
final class ManualTimer implements ComposingNotifier.Timer {

  /** A scheduled task. */
  static final class Task {
    final Duration delay;
    final Runnable action;
    boolean cancelled;

    Task(Duration delay, Runnable action) {
      this.delay = delay;
      this.action = action;
    }
  }

  final List<Task> tasks = new ArrayList<>();

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    Task scheduled = new Task(delay, task);
    tasks.add(scheduled);
    return () -> scheduled.cancelled = true;
  }

  /** Runs every task not cancelled, as if their delays had passed. */
  void runDue() {
    List<Task> due = new ArrayList<>(tasks);
    tasks.clear();
    for (Task task : due) {
      if (!task.cancelled) {
        task.action.run();
      }
    }
  }

  /** The live tasks. */
  List<Task> pending() {
    return tasks.stream().filter(task -> !task.cancelled).toList();
  }
}
