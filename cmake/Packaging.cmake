# Installing and packaging CloseCall the way a desktop expects it:
#   bin/closecall                                   the one binary: its translations and
#                                                   icons are embedded (:/i18n, :/icons),
#                                                   so none are installed; Qt's own
#                                                   (qtbase_de.qm…) are Debian's
#   share/man/man1/closecall.1.gz                   from the binary's own --help (help2man)
#   share/doc/closecall/                            the user guide, the headless contract,
#                                                   the close semantics, the licence
# and, when the GUI is built:
#   share/applications/closecall.desktop            the menu entry
#   share/metainfo/<CLOSECALL_APPSTREAM_ID>.metainfo.xml   software centres (AppStream)
#   share/icons/hicolor/{scalable,NxN}/apps/closecall.{svg,png}
# then `cpack -G DEB` builds closecall_<version>_<arch>.deb (closecall-nox_… without
# the GUI) whose Depends dpkg-shlibdeps computes. The sources are in packaging/;
# tests/package checks the tree, the validators and the package.

include(GNUInstallDirs)

# The homepage: -DCLOSECALL_HOMEPAGE=https://… (ui/CMakeLists.txt's, shown in
# Help > About) names it in the metainfo, the package and the man page too.
# Until the project has a public address they carry project(HOMEPAGE_URL)'s
# placeholder, which AppStream's homepage and screenshot entries need.
if(CLOSECALL_HOMEPAGE)
    set(CLOSECALL_PACKAGE_HOMEPAGE "${CLOSECALL_HOMEPAGE}")
else()
    set(CLOSECALL_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
endif()
string(REGEX REPLACE "/$" "" closecall_homepage_dir "${CLOSECALL_PACKAGE_HOMEPAGE}")
set(CLOSECALL_SCREENSHOT_URL "${closecall_homepage_dir}/docs/screenshot.png")
# The AppStream id: reverse DNS of the placeholder homepage; choose the real
# one with the address, as it must not change once published.
set(CLOSECALL_APPSTREAM_ID "org.example.closecall.CloseCall")
set(CLOSECALL_MAINTAINER "CloseCall maintainers <maintainers@closecall.example.org>")
# GNUInstallDirs' DOCDIR is named after the project (CloseCall); Debian's is the package's.
set(CLOSECALL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/closecall")
set(CLOSECALL_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")
set(CLOSECALL_PACKAGING_OUT "${PROJECT_BINARY_DIR}/packaging")

install(TARGETS closecall RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# qt_standard_project_setup() gives targets an install RPATH of $ORIGIN and
# $ORIGIN/../lib; closecall links only system libraries, and a Debian binary
# carries no RPATH.
set_target_properties(closecall PROPERTIES INSTALL_RPATH "")

# The user's documents, side by side as in docs/ so their links hold; the
# licence as Debian's copyright file.
install(FILES
    ${PROJECT_SOURCE_DIR}/docs/guide.md ${PROJECT_SOURCE_DIR}/docs/screenshot.png
    ${PROJECT_SOURCE_DIR}/docs/headless.md ${PROJECT_SOURCE_DIR}/docs/close-semantics.md
    DESTINATION ${CLOSECALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CLOSECALL_DOCDIR} RENAME copyright)

# The man page is help2man's reading of `closecall --help` and --version (the
# option list QCommandLineParser prints), plus packaging/closecall.h2m.in's
# sections. No display variable: the binary prints its help without one; no
# leak report from a sanitizer build (the asan preset) to fail the step.
find_program(CLOSECALL_HELP2MAN help2man)
find_program(CLOSECALL_GZIP gzip)
if(CLOSECALL_HELP2MAN AND CLOSECALL_GZIP)
    if(CLOSECALL_BUILD_GUI)
        set(CLOSECALL_MAN_FRONT_ENDS [=[
With a display, \fBclosecall\fR opens its window; the options below are its
start-up settings. With \fB\-\-headless\fR, or when neither \fBDISPLAY\fR nor
\fBWAYLAND_DISPLAY\fR is set, it runs the same engine without a window: events
go to standard output and commands come from standard input, one JSON object a
line, as specified in \fIheadless.md\fR (see \fBSEE ALSO\fR).]=])
        set(CLOSECALL_MAN_GUI_SECTIONS [=[
[environment]
.TP
.BR DISPLAY ", " WAYLAND_DISPLAY
When both are unset, \fBclosecall\fR runs headless.
.TP
.BR LANG ", " LC_ALL ", " LC_MESSAGES
The language of the window (English, German or Swedish) unless one is chosen in
the settings. The headless output is always English.

[files]
.TP
.I ~/.config/CloseCall/closecall.conf
The window's saved settings: the server and close options, the language, the
window's layout.
]=])
        set(CLOSECALL_MAN_EXAMPLE_WINDOW [=[
Open the window, listening on 127.0.0.1:9001:
.PP
.RS
.B closecall
.RE
.PP
]=])
    else()
        set(CLOSECALL_MAN_FRONT_ENDS [=[
This build has no window: \fBclosecall\fR always runs headless (\fB\-\-headless\fR
is accepted and changes nothing). Events go to standard output and commands
come from standard input, one JSON object a line, as specified in
\fIheadless.md\fR (see \fBSEE ALSO\fR).]=])
        set(CLOSECALL_MAN_GUI_SECTIONS "")
        set(CLOSECALL_MAN_EXAMPLE_WINDOW "")
    endif()
    configure_file(${CLOSECALL_PACKAGING_DIR}/closecall.h2m.in ${CLOSECALL_PACKAGING_OUT}/closecall.h2m
        @ONLY)
    add_custom_command(
        OUTPUT ${CLOSECALL_PACKAGING_OUT}/closecall.1 ${CLOSECALL_PACKAGING_OUT}/closecall.1.gz
        COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                --unset=QT_QPA_PLATFORM LC_ALL=C.UTF-8 ASAN_OPTIONS=detect_leaks=0
                ${CLOSECALL_HELP2MAN} --no-info --section=1
                --include=${CLOSECALL_PACKAGING_OUT}/closecall.h2m
                --output=${CLOSECALL_PACKAGING_OUT}/closecall.1 $<TARGET_FILE:closecall>
        # Debian compresses man pages (-n: no name or time stamp in the .gz).
        COMMAND ${CLOSECALL_GZIP} -9nkf ${CLOSECALL_PACKAGING_OUT}/closecall.1
        DEPENDS closecall ${CLOSECALL_PACKAGING_OUT}/closecall.h2m
        COMMENT "Generating closecall.1 from closecall --help"
        VERBATIM)
    add_custom_target(closecall_manpage ALL DEPENDS ${CLOSECALL_PACKAGING_OUT}/closecall.1.gz)
    install(FILES ${CLOSECALL_PACKAGING_OUT}/closecall.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

if(CLOSECALL_BUILD_GUI)
    install(FILES ${CLOSECALL_PACKAGING_DIR}/closecall.desktop
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
    configure_file(${CLOSECALL_PACKAGING_DIR}/closecall.metainfo.xml.in
        ${CLOSECALL_PACKAGING_OUT}/${CLOSECALL_APPSTREAM_ID}.metainfo.xml @ONLY)
    install(FILES ${CLOSECALL_PACKAGING_OUT}/${CLOSECALL_APPSTREAM_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)

    # The icon: the SVG the window uses, and PNGs drawn from it at build time
    # for the desktops and software centres that want fixed sizes.
    set(closecall_icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/closecall.svg)
    set(closecall_icon_dir ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor)
    install(FILES ${closecall_icon_svg} DESTINATION ${closecall_icon_dir}/scalable/apps)
    find_program(CLOSECALL_RSVG_CONVERT rsvg-convert)
    if(CLOSECALL_RSVG_CONVERT)
        set(closecall_icon_pngs)
        foreach(size 48 64 128 256)
            set(png ${CLOSECALL_PACKAGING_OUT}/icons/${size}x${size}/closecall.png)
            add_custom_command(OUTPUT ${png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${CLOSECALL_PACKAGING_OUT}/icons/${size}x${size}
                COMMAND ${CLOSECALL_RSVG_CONVERT} --width=${size} --height=${size} --format=png
                        --output=${png} ${closecall_icon_svg}
                DEPENDS ${closecall_icon_svg}
                VERBATIM)
            list(APPEND closecall_icon_pngs ${png})
            install(FILES ${png} DESTINATION ${closecall_icon_dir}/${size}x${size}/apps)
        endforeach()
        add_custom_target(closecall_icon_pngs ALL DEPENDS ${closecall_icon_pngs})
    else()
        message(STATUS "rsvg-convert not found: only the SVG icon is installed "
                       "(apt-get install librsvg2-bin)")
    endif()
endif()

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_VENDOR "CloseCall")
set(CPACK_PACKAGE_CONTACT "${CLOSECALL_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "WebSocket server console that closes connections like a real server")
# Wrapped as Debian's control file wants it (one line a line, under 80 columns).
set(CPACK_PACKAGE_DESCRIPTION [=[CloseCall is a WebSocket server for the people who build WebSocket
clients. It accepts clients, shows every connection live, and ends any
of them the way a real server would: Close (send Close and wait for
the peer's Close), Close Output (send Close and keep receiving what the
peer still sends) or Abort (reset the TCP connection).

Every frame and event is logged, and each message that arrived after
the server's Close is flagged delivered or discarded. A headless mode
drives the same engine from scripts (JSON Lines on stdin and stdout).]=])
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CLOSECALL_PACKAGE_HOMEPAGE}")
# The Qt libraries the binary links, with their versions, from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(CLOSECALL_BUILD_GUI)
    set(CPACK_PACKAGE_NAME closecall)
    # Loaded as plugins, so dpkg-shlibdeps cannot see them: the SVG icons
    # (libqt6svg6's image and icon engine plugins). Qt's own translations for
    # the standard dialogs, and Wayland, are welcome but not needed.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS "closecall-nox")
else()
    # Like qbittorrent-nox: the headless-only build, Qt Core and Network alone.
    set(CPACK_PACKAGE_NAME closecall-nox)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
        "WebSocket server console that closes connections like a real server (headless)")
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS "closecall")
endif()
include(CPack)
