/**
 * Model directories: {@code model.json} with the model's kind, schema, decision rule and
 * provenance, read back by kind.
 */
package org.imbalanced4j.model.io;
