# Fails when a built binary loads Qt Widgets, Qt PrintSupport or QCustomPlot. Run with
# -DBINARY=<file>. ldd lists every library the loader maps, including what the libraries pull in
# themselves, so a Widgets dependency that arrives through a pp_* link interface shows up here too.
if(NOT BINARY OR NOT EXISTS "${BINARY}")
  message(FATAL_ERROR "no binary to check: '${BINARY}'")
endif()
find_program(LDD ldd)
if(NOT LDD)
  message(FATAL_ERROR "ldd not found: the link check cannot run")
endif()
execute_process(COMMAND ${LDD} ${BINARY} OUTPUT_VARIABLE libs RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ldd ${BINARY} failed (${rc}): ${err}")
endif()
string(REGEX MATCHALL "[^\n]*(Qt6Widgets|Qt6PrintSupport|[Qq][Cc]ustom[Pp]lot)[^\n]*" offenders "${libs}")
if(offenders)
  string(REPLACE ";" "\n" offenders "${offenders}")
  message(FATAL_ERROR "${BINARY} links GUI libraries (the dependency arrow is app -> exporters -> planner -> catalog):\n${offenders}")
endif()
string(REGEX MATCHALL "libQt6Gui" gui "${libs}")
if(NOT gui)
  # Every binary checked here paints with QtGui; if ldd's output lacks it, the output is not what
  # this check expects to read, and a silent pass would prove nothing.
  message(FATAL_ERROR "ldd ${BINARY} does not list libQt6Gui; cannot trust the output:\n${libs}")
endif()
message(STATUS "${BINARY} links no Qt Widgets, PrintSupport or QCustomPlot")
