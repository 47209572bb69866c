# Compressed debug sections in Debug builds. Asio/Beast coroutine code has symbol names of
# ~600 characters that DWARF repeats in .debug_str: uncompressed, a dev and an asan tree
# together took ~15 GiB and a CI machine ran out of disk. gdb, addr2line and
# llvm-symbolizer all read zlib-compressed sections.
option(REVOLUT_COMPRESS_DEBUG_INFO "Compress debug sections (-gz) in Debug builds" ON)
if(REVOLUT_COMPRESS_DEBUG_INFO)
  add_compile_options($<$<CONFIG:Debug>:-gz>)
  add_link_options($<$<CONFIG:Debug>:-gz>)
endif()
