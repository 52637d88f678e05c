package dev.storyvault.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one export format of a story. */
interface ExportWriter {

  ExportFormat format();

  void write(Materials materials, OutputStream out) throws IOException, InterruptedException;
}
