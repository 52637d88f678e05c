package dev.storyvault.asset.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyvault.asset.MediaFormat;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.support.Media;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every accepted format is recognised from real header bytes; lookalikes are not. */
class FormatRecognitionTest {

  @TempDir Path temp;

  @Test
  void recognisesImagesAndReadsTheirSizeFromTheHeader() throws Exception {
    assertThat(Sniffer.detect(Media.aPng(3, 2))).isEqualTo(MediaFormat.PNG);
    byte[] jpeg = Media.aJpeg(640, 480);
    assertThat(Sniffer.detect(jpeg)).isEqualTo(MediaFormat.JPEG);
    assertThat(ImageHeaders.read(MediaFormat.JPEG, jpeg, Files.write(temp.resolve("a.jpg"), jpeg)))
        .contains(new ImageHeaders.Dimensions(640, 480));
    byte[] gif = Media.aGif(33, 44);
    assertThat(ImageHeaders.read(Sniffer.detect(gif), gif, null))
        .contains(new ImageHeaders.Dimensions(33, 44));
    byte[] avif = avif(1920, 1080);
    assertThat(Sniffer.detect(avif)).isEqualTo(MediaFormat.AVIF);
    assertThat(ImageHeaders.read(MediaFormat.AVIF, avif, null))
        .contains(new ImageHeaders.Dimensions(1920, 1080));
  }

  @Test
  void recognisesAudioAndVideoContainers() throws Exception {
    assertThat(Sniffer.detect(bytes("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000")))
        .isEqualTo(MediaFormat.MP3);
    assertThat(Sniffer.detect(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}))
        .isEqualTo(MediaFormat.MP3);
    assertThat(Sniffer.detect(bytes("OggS\u0000\u0002"))).isEqualTo(MediaFormat.OGG);
    assertThat(Sniffer.detect(Media.aWav(0.1))).isEqualTo(MediaFormat.WAV);
    assertThat(Sniffer.detect(ftyp("M4A "))).isEqualTo(MediaFormat.M4A);
    byte[] mp4 = mp4WithDuration(90_000, 450_000);
    assertThat(Sniffer.detect(mp4)).isEqualTo(MediaFormat.MP4);
    assertThat(MediaDurations.read(MediaFormat.MP4, Files.write(temp.resolve("v.mp4"), mp4)))
        .contains(5_000L);
    byte[] ts = new byte[188 * 3];
    for (int i = 0; i < 3; i++) ts[i * 188] = 0x47;
    assertThat(Sniffer.detect(ts)).isEqualTo(MediaFormat.MPEG_TS);
    assertThat(Sniffer.detect(bytes("\uFEFF#EXTM3U\n"))).isEqualTo(MediaFormat.HLS);
  }

  @Test
  void refusesLookalikes() {
    assertThatThrownBy(() -> Sniffer.detect(ftyp("heic"))).isInstanceOf(ApiProblem.class);
    assertThatThrownBy(
            () -> Sniffer.detect(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}))
        .as("AAC ADTS is not MP3")
        .isInstanceOf(ApiProblem.class);
    assertThatThrownBy(() -> Sniffer.detect(bytes("  <?xml version=\"1.0\"?><svg/>")))
        .isInstanceOf(ApiProblem.class);
    assertThatThrownBy(() -> Sniffer.detect(bytes("%PDF-1.7"))).isInstanceOf(ApiProblem.class);
    assertThatThrownBy(() -> Sniffer.detect(bytes("PK\u0003\u0004")))
        .isInstanceOf(ApiProblem.class);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ftyp(String brand) {
    return ftyp(brand, brand.equals("heic") ? "mif1" : "isom");
  }

  private static byte[] ftyp(String brand, String compatible) {
    return ByteBuffer.allocate(24)
        .putInt(24)
        .put(bytes("ftyp"))
        .put(bytes(brand))
        .putInt(0)
        .put(bytes(brand))
        .put(bytes(compatible))
        .array();
  }

  private static byte[] avif(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ByteBuffer.allocate(24)
            .putInt(24)
            .put(bytes("ftypavif"))
            .putInt(0)
            .put(bytes("avifmif1"))
            .array());
    out.writeBytes(
        ByteBuffer.allocate(20)
            .putInt(20)
            .put(bytes("ispe"))
            .putInt(0)
            .putInt(width)
            .putInt(height)
            .array());
    return out.toByteArray();
  }

  private static byte[] mp4WithDuration(int timescale, int duration) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ftyp("isom"));
    ByteBuffer mvhd =
        ByteBuffer.allocate(8 + 100)
            .putInt(108)
            .put(bytes("mvhd"))
            .putInt(0)
            .putInt(0)
            .putInt(0)
            .putInt(timescale)
            .putInt(duration);
    out.writeBytes(ByteBuffer.allocate(8).putInt(8 + 108).put(bytes("moov")).array());
    out.writeBytes(mvhd.array());
    return out.toByteArray();
  }
}
