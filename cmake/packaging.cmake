# Debian packages (DESIGN.md §12): `cpack -G DEB` in a release build makes motcua-service,
# motcua-hub and motcua-kiosk, one .deb per install component, each with its library
# dependencies found by dpkg-shlibdeps and its runtime data (fonts, voices, time zones, X) named
# here. The maintainer scripts are deploy/debian/<package>/, the units deploy/systemd/.
# Installed layout: docs/operations.md. Build the programs first (cmake --build): installing does
# not build everything (the tests are not packaged).

set(MOTCUA_PACKAGE_MAINTAINER "motcua maintainers <maintainers@users.noreply.h-seed-eba095f0.example>"
  CACHE STRING "Maintainer field of the Debian packages")
set(MOTCUA_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the Debian packages (none when empty)")
set(MOTCUA_PACKAGE_RELEASE "1" CACHE STRING "Debian revision of the packages (VERSION-RELEASE)")

# `install` (and so cpack) installs what was built, without building the test suites first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

set(motcua_pkg_dir ${CMAKE_BINARY_DIR}/packaging)
# Absolute destinations: the Debian layout, whatever CMAKE_INSTALL_PREFIX says (cpack installs
# into its own staging tree). Debian 12 keeps system units in /lib/systemd/system.
set(motcua_unit_dir /lib/systemd/system)
set(motcua_share_dir /usr/share/motcua)
set(motcua_libexec_dir /usr/lib/motcua)

# ---- the default ward config: the demo ward's, with the daily backup in the state directory ----
set(motcua_demo_config ${PROJECT_SOURCE_DIR}/assets/config/ward-demo.toml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${motcua_demo_config})
file(READ ${motcua_demo_config} motcua_demo_text)
if(motcua_demo_text MATCHES "\n\\[backup\\]")
  # tests/packaging fails unless its dir is /var/lib/motcua/backups.
  message(WARNING "${motcua_demo_config} has a [backup] table now: the package's copy keeps it as it is")
  file(WRITE ${motcua_pkg_dir}/ward-demo.toml "${motcua_demo_text}")
else()
  file(WRITE ${motcua_pkg_dir}/ward-demo.toml "${motcua_demo_text}
[backup]
# Added by the motcua-service package: the service copies its database here each day at 22:00
# and keeps 30 days of copies (docs/operations.md, \"Backups\").
dir = \"/var/lib/motcua/backups\"
at = \"22:00\"
keep_days = 30
")
endif()

# ---- /usr/share/doc/<package>: copyright, changelog.Debian.gz, the operations guide -----------
# Now, or $SOURCE_DATE_EPOCH when set (CMake honours it): reproducible builds set it.
string(TIMESTAMP motcua_changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(pkg motcua-service motcua-hub motcua-kiosk)
  file(WRITE ${motcua_pkg_dir}/${pkg}/changelog.Debian
    "${pkg} (${PROJECT_VERSION}-${MOTCUA_PACKAGE_RELEASE}) unstable; urgency=medium\n\n"
    "  * Built by CPack from the motcua sources (cmake/packaging.cmake).\n\n"
    " -- ${MOTCUA_PACKAGE_MAINTAINER}  ${motcua_changelog_date}\n")
  # gzip -n: no name or time stamp inside, as Debian wants.
  execute_process(COMMAND gzip -9nf ${motcua_pkg_dir}/${pkg}/changelog.Debian
    RESULT_VARIABLE motcua_gzip_result)
  if(NOT motcua_gzip_result EQUAL 0)
    message(FATAL_ERROR "gzip of ${pkg}'s changelog failed")
  endif()
endforeach()

# ---- motcua-service ------------------------------------------------------------------------
install(TARGETS motcua-service RUNTIME DESTINATION bin COMPONENT service)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua-service.service
  DESTINATION ${motcua_unit_dir} COMPONENT service)
install(FILES ${motcua_pkg_dir}/ward-demo.toml DESTINATION ${motcua_share_dir} COMPONENT service)

# ---- motcua-hub ----------------------------------------------------------------------------
install(TARGETS motcua-hub RUNTIME DESTINATION bin COMPONENT hub)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua-hub.service
  DESTINATION ${motcua_unit_dir} COMPONENT hub)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/hub/hub.toml ${PROJECT_SOURCE_DIR}/deploy/hub/hub.env
  DESTINATION ${motcua_share_dir} COMPONENT hub)

# ---- motcua-kiosk --------------------------------------------------------------------------
set(motcua_components service hub)
if(MOTCUA_BUILD_KIOSK)
  list(APPEND motcua_components kiosk)
  install(TARGETS motcua-kiosk RUNTIME DESTINATION bin COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua-kiosk.service
    DESTINATION ${motcua_unit_dir} COMPONENT kiosk)
  install(PROGRAMS ${PROJECT_SOURCE_DIR}/deploy/kiosk/kiosk-session
    DESTINATION ${motcua_libexec_dir} COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/kiosk/kiosk.env
    DESTINATION ${motcua_share_dir} COMPONENT kiosk)
endif()

foreach(comp IN LISTS motcua_components)
  set(pkg motcua-${comp})
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/debian/copyright
    ${motcua_pkg_dir}/${pkg}/changelog.Debian.gz
    ${PROJECT_SOURCE_DIR}/docs/operations.md
    DESTINATION /usr/share/doc/${pkg} COMPONENT ${comp})
endforeach()

# ---- CPack: one .deb per component ---------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME motcua)
set(CPACK_PACKAGE_VENDOR "motcua")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${MOTCUA_PACKAGE_MAINTAINER}")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it above every package's own first line.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${motcua_components})
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_DEB_COMPONENT_INSTALL ON)
# The units, /usr/share/doc and /usr/lib/motcua are absolute on purpose (see above).
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MOTCUA_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_RELEASE ${MOTCUA_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(MOTCUA_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${MOTCUA_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Maintainer scripts 0755, control files 0644, as dpkg and lintian expect.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

string(CONCAT motcua_service_long
  "motcua runs the queue of a Vietnamese ward's one-stop desk (Bộ phận Một cửa):\n"
  "numbered tickets, calls to counters, dossiers, appointments and ratings,\n"
  "kept in SQLite, served over HTTP(S) and WebSocket to the ward's screens.\n"
  "This package has motcua-service, its systemd unit (sandboxed, user motcua),\n"
  "config in /etc/motcua and data in /var/lib/motcua with daily backups.")
set(CPACK_DEBIAN_SERVICE_PACKAGE_NAME motcua-service)
set(CPACK_DEBIAN_SERVICE_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVICE_DESCRIPTION "queue and feedback service of a ward's one-stop desk\n${motcua_service_long}")
# Noto Serif: the dossier forms (PDF); tzdata: the office's time zone.
set(CPACK_DEBIAN_SERVICE_PACKAGE_DEPENDS "adduser, tzdata, fonts-noto-core")
set(CPACK_DEBIAN_SERVICE_PACKAGE_RECOMMENDS "sqlite3, ca-certificates")
set(CPACK_DEBIAN_SERVICE_PACKAGE_CONTROL_EXTRA
  "${PROJECT_SOURCE_DIR}/deploy/debian/motcua-service/postinst;${PROJECT_SOURCE_DIR}/deploy/debian/motcua-service/prerm;${PROJECT_SOURCE_DIR}/deploy/debian/motcua-service/postrm")

string(CONCAT motcua_hub_long
  "motcua-hub collects the event logs of every ward's motcua-service into\n"
  "PostgreSQL and serves the province's reports over all its wards. This package\n"
  "has the hub, its systemd unit (sandboxed, user motcua) and its config in\n"
  "/etc/motcua.")
set(CPACK_DEBIAN_HUB_PACKAGE_NAME motcua-hub)
set(CPACK_DEBIAN_HUB_PACKAGE_SECTION net)
set(CPACK_DEBIAN_HUB_DESCRIPTION "province hub of the motcua ward queue services\n${motcua_hub_long}")
set(CPACK_DEBIAN_HUB_PACKAGE_DEPENDS "adduser, tzdata, fonts-noto-core")
set(CPACK_DEBIAN_HUB_PACKAGE_SUGGESTS "postgresql-15")
set(CPACK_DEBIAN_HUB_PACKAGE_CONTROL_EXTRA
  "${PROJECT_SOURCE_DIR}/deploy/debian/motcua-hub/postinst;${PROJECT_SOURCE_DIR}/deploy/debian/motcua-hub/prerm;${PROJECT_SOURCE_DIR}/deploy/debian/motcua-hub/postrm")

string(CONCAT motcua_kiosk_long
  "motcua-kiosk is every screen of a motcua ward: the ticket kiosk, the rating\n"
  "pad, the counter console, the display board (which calls numbers aloud with\n"
  "espeak-ng) and the reports dashboard. This package also has an autostart unit\n"
  "that runs X on vt7 with the kiosk full screen, as the user motcua-kiosk (not\n"
  "enabled).")
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME motcua-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION x11)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "screens of the motcua ward queue: kiosk, board, console\n${motcua_kiosk_long}")
# Fonts with every Vietnamese letter, the board's voice, time zones, and the autostart's X.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
  "adduser, tzdata, fonts-noto-core | fonts-dejavu-core, espeak-ng-data, xinit, xserver-xorg-core, xserver-xorg-input-libinput, x11-xserver-utils")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "libgl1-mesa-dri, ca-certificates")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  "${PROJECT_SOURCE_DIR}/deploy/debian/motcua-kiosk/postinst;${PROJECT_SOURCE_DIR}/deploy/debian/motcua-kiosk/prerm;${PROJECT_SOURCE_DIR}/deploy/debian/motcua-kiosk/postrm")

include(CPack)
