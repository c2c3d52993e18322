/**
 * The HTML report of a run: FreeMarker templates and the renderer that writes them through an
 * output interface, free of Maven and of the file system. The renderer lands with the reports
 * issue; until then the run writes JSON and JUnit XML, which CI servers and the surefire report
 * plugin read.
 */
package io.segmented.report;
