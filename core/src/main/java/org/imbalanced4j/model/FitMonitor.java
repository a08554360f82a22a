package org.imbalanced4j.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * What a caller watches or keeps during a long fit: a folder for checkpoints (a fit resumes from
 * the one there), the share of the current epoch done (for progress bars), and each finished epoch
 * ({@code epoch} 1-based, {@code loss}, {@code metric}, {@code learning_rate}, {@code seconds}).
 * Trainers that fit in one go ignore it. Any part may be null.
 */
public record FitMonitor(Path checkpoints, DoubleConsumer progress, Consumer<Map<String, Object>> epochs) {}
