/**
 * Anti-fraud from call records: streams calls, SMS and users files into per-subscriber behaviour features,
 * scores and explains each subscriber with a model read from a file, trains that model, and generates
 * realistic labelled data to test it (docs/fraud-engine.md).
 */
package org.telereg.engine.fraud;
