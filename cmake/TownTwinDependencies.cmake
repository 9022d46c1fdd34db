# SPDX-License-Identifier: MIT
# Every third-party library TownTwin links, found once, for all layers.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Charts Concurrent Network Test LinguistTools)
find_package(OpenSceneGraph 3.6 REQUIRED COMPONENTS osgViewer osgGA osgDB osgUtil osgText)
find_package(GDAL 3.6 REQUIRED)
find_package(OpenGL REQUIRED)
# Only VTK's processing modules: Debian's VTK Qt/rendering modules target Qt 5.
find_package(VTK 9.1 REQUIRED COMPONENTS CommonCore CommonDataModel FiltersCore FiltersGeneral FiltersModeling)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CLP REQUIRED IMPORTED_TARGET clp)
# The operators' live view talks MQTT through the reference client library.
pkg_check_modules(MOSQUITTO REQUIRED IMPORTED_TARGET libmosquitto)
# Tour videos: H.264 in MP4 through FFmpeg's libraries (Debian's libavcodec has libx264).
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavcodec libavformat libavutil libswscale)
# The telemetry history writes through SQLite directly (see gis/TelemetryHistory).
find_package(SQLite3 REQUIRED)
