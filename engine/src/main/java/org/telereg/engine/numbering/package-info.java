/**
 * Chinese telephone numbers: normalising what people type, and the carrier and home region of mobile and
 * fixed-line numbers from reference tables shipped inside the engine jar.
 */
package org.telereg.engine.numbering;
