/** Framework-free hot paths of TeleReg, shared by the platform and the Flink jobs. */
package org.telereg.engine;
