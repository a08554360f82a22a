package org.imbalanced4j.catalog;

/** One parameter of a catalogued sampler or learner: its name, default (as text) and meaning. */
public record Param(String name, String defaultValue, String description) {}
