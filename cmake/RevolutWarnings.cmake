# Warnings every target of ours is built with; CI treats them as errors.
add_library(revolut_warnings INTERFACE)
target_compile_options(revolut_warnings INTERFACE -Wall -Wextra -Wpedantic)
option(REVOLUT_WERROR "Treat warnings as errors" OFF)
if(REVOLUT_WERROR)
  target_compile_options(revolut_warnings INTERFACE -Werror)
endif()
# GCC 12 at -O2/-O3 reports false -Wrestrict, -Wstringop-overflow and -Warray-bounds inside
# libstdc++'s own string concatenation (GCC bugs 105329, 105651), never in our code: off in
# optimised builds, where they are only noise; Debug builds (and so CI) keep them.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(revolut_warnings INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-Wno-restrict -Wno-stringop-overflow -Wno-array-bounds>)
endif()
