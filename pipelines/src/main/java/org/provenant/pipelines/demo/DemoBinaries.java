package org.provenant.pipelines.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small but valid non-HTML payloads for the demo corpus: a PNG image and a one-page PDF, both built
 * byte by byte so they are identical on every run.
 */
final class DemoBinaries {

  private DemoBinaries() {}

  /** A {@code size}x{@code size} RGB PNG with a diagonal colour gradient. */
  static byte[] png(int size) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int y = 0; y < size; y++) {
      raw.write(0); // filter type: none
      for (int x = 0; x < size; x++) {
        raw.write(40 + x * 200 / size);
        raw.write(120 + y * 100 / size);
        raw.write(90 + (x + y) * 60 / size);
      }
    }
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(raw.toByteArray());
    deflater.finish();
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      compressed.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();

    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(size).putInt(size).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
        .put((byte) 0);
    chunk(png, "IHDR", header.array());
    chunk(png, "IDAT", compressed.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A one-page PDF 1.4 showing {@code lines} of Helvetica text, with a correct xref table. */
  static byte[] pdf(List<String> lines) {
    StringBuilder content = new StringBuilder("BT\n/F1 16 Tf\n72 770 Td\n20 TL\n");
    for (String line : lines) {
      content.append('(').append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
          .append(") Tj T*\n");
    }
    content.append("ET\n");
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\n")
        .append("startxref\n").append(xref).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
