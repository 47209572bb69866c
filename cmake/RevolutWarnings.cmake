# Warnings every target of ours is built with; CI treats them as errors.
add_library(revolut_warnings INTERFACE)
target_compile_options(revolut_warnings INTERFACE -Wall -Wextra -Wpedantic)
option(REVOLUT_WERROR "Treat warnings as errors" OFF)
if(REVOLUT_WERROR)
  target_compile_options(revolut_warnings INTERFACE -Werror)
endif()
