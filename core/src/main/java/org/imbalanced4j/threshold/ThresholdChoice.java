package org.imbalanced4j.threshold;

/**
 * A chosen decision threshold: predict the positive class when {@code score >= threshold}.
 *
 * @param threshold the score threshold ({@code +Infinity}: never predict positive)
 * @param value the criterion's value at that threshold
 * @param criterion what was optimised, such as {@code f1} or {@code youden_j}
 */
public record ThresholdChoice(double threshold, double value, String criterion) {}
