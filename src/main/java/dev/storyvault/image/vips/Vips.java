package dev.storyvault.image.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few libvips (and GLib) functions StoryVault calls, bound through the FFM API. libvips'
 * variadic option lists are bound with fixed shapes: each handle passes exactly the options
 * StoryVault uses and the terminating NULL.
 */
final class Vips {

  static final int SIZE_BOTH = 0;
  static final int SIZE_FORCE = 3;
  static final int INTERESTING_NONE = 0;
  static final int INTERESTING_CENTRE = 1;

  final MethodHandle newFromBuffer;
  final MethodHandle width;
  final MethodHandle height;
  final MethodHandle getInt;
  final MethodHandle thumbnailBuffer;
  final MethodHandle writeToBuffer;
  final MethodHandle remove;
  final MethodHandle fields;
  final MethodHandle freeStrings;
  final MethodHandle errorBuffer;
  final MethodHandle errorClear;
  final MethodHandle unref;
  final MethodHandle free;

  private Vips(SymbolLookup vips, SymbolLookup gobject, SymbolLookup glib) throws Throwable {
    Linker linker = Linker.nativeLinker();
    newFromBuffer =
        variadic(
            linker,
            vips,
            "vips_image_new_from_buffer",
            3,
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
    width = fixed(linker, vips, "vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    height = fixed(linker, vips, "vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    getInt =
        fixed(
            linker,
            vips,
            "vips_image_get_int",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    thumbnailBuffer =
        variadic(
            linker,
            vips,
            "vips_thumbnail_buffer",
            4,
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    writeToBuffer =
        variadic(
            linker,
            vips,
            "vips_image_write_to_buffer",
            4,
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    remove =
        fixed(linker, vips, "vips_image_remove", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    fields = fixed(linker, vips, "vips_image_get_fields", FunctionDescriptor.of(ADDRESS, ADDRESS));
    freeStrings = fixed(linker, glib, "g_strfreev", FunctionDescriptor.ofVoid(ADDRESS));
    errorBuffer = fixed(linker, vips, "vips_error_buffer", FunctionDescriptor.of(ADDRESS));
    errorClear = fixed(linker, vips, "vips_error_clear", FunctionDescriptor.ofVoid());
    unref = fixed(linker, gobject, "g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
    free = fixed(linker, glib, "g_free", FunctionDescriptor.ofVoid(ADDRESS));
    start(linker, vips);
  }

  /** libvips when it is installed and starts; empty otherwise. */
  static Optional<Vips> load() {
    try {
      Arena global = Arena.global();
      return Optional.of(
          new Vips(
              SymbolLookup.libraryLookup("libvips.so.42", global),
              SymbolLookup.libraryLookup("libgobject-2.0.so.0", global),
              SymbolLookup.libraryLookup("libglib-2.0.so.0", global)));
    } catch (Throwable absent) {
      return Optional.empty();
    }
  }

  /**
   * why no operation cache: a cached thumbnail_buffer keyed on a buffer address could answer a
   * later call whose different bytes happen to sit at the same address. why block untrusted:
   * loaders libvips has not fuzzed (ImageMagick, MATLAB, ...) must never see uploads.
   */
  private static void start(Linker linker, SymbolLookup vips) throws Throwable {
    try (Arena arena = Arena.ofConfined()) {
      int failed =
          (int)
              fixed(linker, vips, "vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS))
                  .invokeExact(arena.allocateFrom("storyvault"));
      if (failed != 0) throw new IllegalStateException("vips_init failed");
    }
    fixed(linker, vips, "vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
    fixed(linker, vips, "vips_cache_set_max_mem", FunctionDescriptor.ofVoid(JAVA_LONG))
        .invokeExact(0L);
    Optional<MemorySegment> block = vips.find("vips_block_untrusted_set");
    if (block.isPresent()) {
      linker.downcallHandle(block.get(), FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
    }
  }

  /** Names of the image's metadata fields. */
  List<String> fieldNames(MemorySegment image) throws Throwable {
    MemorySegment array = ((MemorySegment) fields.invokeExact(image)).reinterpret(Long.MAX_VALUE);
    java.util.List<String> names = new ArrayList<>();
    try {
      for (long i = 0; ; i++) {
        MemorySegment name = array.getAtIndex(ADDRESS, i);
        if (name.equals(MemorySegment.NULL)) return names;
        names.add(name.reinterpret(1024).getString(0));
      }
    } finally {
      freeStrings.invokeExact(array);
    }
  }

  String lastError() {
    try {
      MemorySegment text = (MemorySegment) errorBuffer.invokeExact();
      String message = text.reinterpret(4096).getString(0).strip();
      errorClear.invokeExact();
      return message.isEmpty() ? "libvips failed" : message;
    } catch (Throwable e) {
      return "libvips failed";
    }
  }

  private static MethodHandle fixed(
      Linker linker, SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(lookup.find(name).orElseThrow(), descriptor);
  }

  private static MethodHandle variadic(
      Linker linker,
      SymbolLookup lookup,
      String name,
      int firstVariadic,
      FunctionDescriptor descriptor) {
    return linker.downcallHandle(
        lookup.find(name).orElseThrow(), descriptor, Linker.Option.firstVariadicArg(firstVariadic));
  }
}
