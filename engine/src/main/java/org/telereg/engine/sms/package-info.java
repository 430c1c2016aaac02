/**
 * Spam and fraud SMS screening: text normalisation against filter-evasion tricks, entity extraction, weighted
 * keyword-group matching, a character n-gram classifier, and the command-line screening and training runs.
 */
package org.telereg.engine.sms;
