@echo off
rem Parley's launcher for Windows: builds the distribution with the Maven wrapper when it is
rem missing or older than the sources, then runs it. With no arguments it opens the desktop app.
setlocal
set "ROOT=%~dp0"
set "DIST=%ROOT%app\target\dist"
set "JAR=%DIST%\parley.jar"
set "STAMP=%DIST%\.built"

set "JAVA_CMD=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
where "%JAVA_CMD%" >nul 2>nul || if not exist "%JAVA_CMD%" (
  echo parley: Java 17 or newer is needed; install a JDK and put it on PATH or set JAVA_HOME 1>&2
  exit /b 1
)

set "NEEDS_BUILD=1"
if exist "%STAMP%" if exist "%JAR%" (
  powershell -NoProfile -Command ^
    "$stamp = (Get-Item '%STAMP%').LastWriteTime;" ^
    "$newer = Get-ChildItem -Path '%ROOT%' -Recurse -File -ErrorAction SilentlyContinue |" ^
    " Where-Object { $_.FullName -notmatch '\\(target|\.git)\\' -and ($_.Name -eq 'pom.xml' -or $_.FullName -match '\\src\\main\\') -and $_.LastWriteTime -gt $stamp } |" ^
    " Select-Object -First 1;" ^
    "if ($newer) { exit 1 } else { exit 0 }"
  if not errorlevel 1 set "NEEDS_BUILD=0"
)

if "%NEEDS_BUILD%"=="1" (
  echo parley: building Parley ^(first run, or the sources changed^)... 1>&2
  call "%ROOT%mvnw.cmd" -q -B -f "%ROOT%pom.xml" package -pl app -am -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true 1>&2
  if errorlevel 1 (
    echo parley: the build failed; run mvnw.cmd verify to see why 1>&2
    exit /b 1
  )
  type nul > "%STAMP%"
)

rem JVM options, split as in ./parley (the reasons are there; docs/benchmarks.md, ADR 0043): the
rem desktop client's for the app and every subcommand but the server itself, which keeps the JVM's
rem defaults. They come first, so PARLEY_JAVA_OPTS overrides any of them; a collector named there
rem replaces ours (the JVM refuses two). The Linux-only parts (glibc arenas, software rendering
rem without a GPU) and the class-data archive are left out here.
set "JVM_OPTS=-XX:+ExitOnOutOfMemoryError -Xms32m -Xmx1g -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=1"
set "GC_OPT=-XX:+UseSerialGC"
if defined PARLEY_JAVA_OPTS (
  echo(%PARLEY_JAVA_OPTS%| findstr /r /c:"-XX:+Use.*GC" >nul && set "GC_OPT="
)
set "JVM_OPTS=%JVM_OPTS% %GC_OPT%"
rem The SIP server itself (server with options, not server user ...): a proxied call cost 1.5x the
rem CPU with the options above.
set "ARG1=%~1"
set "ARG2=%~2"
set "SERVER_OPTS="
if "%ARG1%"=="server" (
  if not defined ARG2 set "SERVER_OPTS=-XX:+ExitOnOutOfMemoryError"
  if defined ARG2 if "%ARG2:~0,1%"=="-" set "SERVER_OPTS=-XX:+ExitOnOutOfMemoryError"
)
if defined SERVER_OPTS set "JVM_OPTS=%SERVER_OPTS%"

"%JAVA_CMD%" %JVM_OPTS% %PARLEY_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
