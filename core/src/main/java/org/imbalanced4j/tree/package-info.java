/**
 * Decision trees (histogram split search), random forests, extra trees, balanced random
 * forests, and AdaBoost with RUSBoost and SMOTEBoost rounds.
 */
package org.imbalanced4j.tree;
