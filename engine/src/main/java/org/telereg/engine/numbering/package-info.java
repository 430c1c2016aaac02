/**
 * Chinese telephone numbers: normalising what people type, the carrier and home region of mobile and
 * fixed-line numbers from reference tables shipped inside the engine jar, and compact sets of mobile numbers
 * that know each member's operator after porting.
 */
package org.telereg.engine.numbering;
