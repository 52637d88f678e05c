import dev.storyvault.image.Fit;
import dev.storyvault.image.ImageFormat;
import dev.storyvault.image.ImageProcessor;
import dev.storyvault.image.ImageRequest;
import dev.storyvault.image.java.JavaImageProcessor;
import dev.storyvault.image.vips.VipsImageProcessor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Thumbnails (1200x800 JPEG -> 256 px WebP, quality 80) per second and ms per image for both image
 * processors, beside vipsthumbnail over the same files in the same run.
 * Usage: java -cp <classes:deps> ImageVariantsBench.java <workdir> <files> <rounds>
 */
public class ImageVariantsBench {

    static final ImageRequest THUMBNAIL = new ImageRequest(256, 256, Fit.CONTAIN, ImageFormat.WEBP, 80);

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Path> files = photos(work.resolve("in"), count);
        System.out.printf("%d photos of 1200x800 (%.0f KB on average), %d rounds, %d cores%n", count,
                files.stream().mapToLong(ImageVariantsBench::size).average().orElse(0) / 1024, rounds,
                Runtime.getRuntime().availableProcessors());
        double vipsthumbnail = vipsthumbnail(work.resolve("out"), files, rounds);
        System.out.printf("%-26s %8.2f ms/image %8.1f thumbnails/s%n", "vipsthumbnail (CLI)", vipsthumbnail, 1000 / vipsthumbnail);
        var vips = VipsImageProcessor.ifInstalled(100_000_000L);
        if (vips.isPresent()) {
            double ms = measure(vips.get(), files, rounds);
            double parallel = throughput(vips.get(), files, rounds);
            System.out.printf("%-26s %8.2f ms/image %8.1f thumbnails/s (%.1f/s on all cores)   ratio to vipsthumbnail %.2f (target <= 1.3)%n",
                    "libvips via FFM", ms, 1000 / ms, parallel, ms / vipsthumbnail);
        } else {
            System.out.println("libvips via FFM            not installed (apt-get install libvips42)");
        }
        ImageProcessor java = new JavaImageProcessor(100_000_000L);
        double ms = measure(java, files, rounds);
        double parallel = throughput(java, files, rounds);
        System.out.printf("%-26s %8.2f ms/image %8.1f thumbnails/s (%.1f/s on all cores)   ratio to vipsthumbnail %.2f%n",
                "pure Java (ImageIO)", ms, 1000 / ms, parallel, ms / vipsthumbnail);
    }

    /** Sequential, one image at a time (like vipsthumbnail): mean ms per image, file read included. */
    static double measure(ImageProcessor processor, List<Path> files, int rounds) throws Exception {
        for (int i = 0; i < Math.min(10, files.size()); i++) processor.render(Files.readAllBytes(files.get(i)), THUMBNAIL);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (Path file : files) processor.render(Files.readAllBytes(file), THUMBNAIL);
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / files.size());
        }
        return best;
    }

    static double throughput(ImageProcessor processor, List<Path> files, int rounds) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> all = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (Path file : files) all.add(pool.submit(() -> processor.render(Files.readAllBytes(file), THUMBNAIL)));
            }
            for (Future<?> f : all) f.get();
        }
        return files.size() * rounds / ((System.nanoTime() - start) / 1e9);
    }

    /** One vipsthumbnail process over all files per round (best round); ms per image. */
    static double vipsthumbnail(Path out, List<Path> files, int rounds) throws Exception {
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of("vipsthumbnail", "-s", "256", "-o", out + "/%s.webp[Q=80,strip]"));
        files.forEach(f -> command.add(f.toString()));
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds + 1; r++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("vipsthumbnail failed");
            if (r > 0) best = Math.min(best, (System.nanoTime() - start) / 1e6 / files.size());
        }
        return best;
    }

    static List<Path> photos(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("photo-" + i + ".jpg");
            if (!Files.exists(file)) write(photo(i), file);
            files.add(file);
        }
        return files;
    }

    /** Gradients, shapes and noise: compresses like a photo (a few hundred KB at quality 90). */
    static BufferedImage photo(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[1200];
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 1200; x++) {
                int r = (int) (128 + 100 * Math.sin((x + seed * 37) / 90.0)) + random.nextInt(30);
                int g = (int) (128 + 100 * Math.cos((y + seed * 11) / 70.0)) + random.nextInt(30);
                int b = ((x + y) / 8 + random.nextInt(30)) & 0xFF;
                row[x] = Math.min(255, r) << 16 | Math.min(255, g) << 8 | b;
            }
            image.setRGB(0, y, 1200, 1, row, 0, 1200);
        }
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(1200), random.nextInt(800), 40 + random.nextInt(200), 40 + random.nextInt(200));
        }
        g.dispose();
        return image;
    }

    static void write(BufferedImage image, Path file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return 0;
        }
    }
}
