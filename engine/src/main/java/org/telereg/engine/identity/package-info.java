/**
 * Identity-document checks: resident ID numbers and permits (GB 11643) and unified social credit codes (GB
 * 32100).
 */
package org.telereg.engine.identity;
