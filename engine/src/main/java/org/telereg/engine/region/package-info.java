/**
 * China's administrative divisions (GB/T 2260): provinces with their abbreviations, the current cities and
 * counties, and every address code used since 1980, shipped inside the engine jar.
 */
package org.telereg.engine.region;
