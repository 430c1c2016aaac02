/** Apache Flink jobs that run engine code when the data outgrows one machine. */
package org.telereg.streaming;
