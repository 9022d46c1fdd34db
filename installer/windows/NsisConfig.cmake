# SPDX-License-Identifier: MIT
# NSIS installer settings (Windows build: see docs/BUILDING-WINDOWS.md).
set(CPACK_NSIS_DISPLAY_NAME "TownTwin ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "TownTwin")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/towntwin.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\towntwin.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_PACKAGE_EXECUTABLES towntwin "TownTwin")
set(CPACK_CREATE_DESKTOP_LINKS towntwin)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr HKCR '.gpkg\\\\OpenWithProgids' 'TownTwin.Project' ''
  WriteRegStr HKCR 'TownTwin.Project\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\towntwin.exe\\\" \\\"%1\\\"'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey HKCR 'TownTwin.Project'
  DeleteRegValue HKCR '.gpkg\\\\OpenWithProgids' 'TownTwin.Project'
")
# Qt, OSG, GDAL, VTK and CLP DLLs: vcpkg's applocal copy puts them beside the
# executables; windeployqt adds Qt's plugins.
install(CODE "
  execute_process(COMMAND windeployqt --no-translations --dir \"\${CMAKE_INSTALL_PREFIX}/bin\"
                  \"\${CMAKE_INSTALL_PREFIX}/bin/towntwin.exe\")
")
