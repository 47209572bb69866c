# Installs headers, libraries and a package config so that
#   find_package(revolut CONFIG REQUIRED)  +  target_link_libraries(app revolut::revolut)
# works from an install prefix.
include(CMakePackageConfigHelpers)

install(DIRECTORY include/revolut DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/revolut/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/revolut)
install(TARGETS revolut revolut_mock EXPORT revolut-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS revolut-mock revolut-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT revolut-targets NAMESPACE revolut::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/revolut)

configure_package_config_file(cmake/revolut-config.cmake.in
  ${PROJECT_BINARY_DIR}/revolut-config.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/revolut)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/revolut-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/revolut-config.cmake
              ${PROJECT_BINARY_DIR}/revolut-config-version.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/revolut)
